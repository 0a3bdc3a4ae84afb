using CheckinBot.Core.Occurrences;
using CheckinBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Storage.Tests;

/// <summary>The kit's <see cref="InMemoryOccurrences"/> as a ledger contract's host: every scope and node shares the one ledger.</summary>
public sealed class InMemoryLedgerHost : ILedgerHost
{
    private readonly InMemoryOccurrences ledger = new();
    private readonly ServiceProvider services;

    public InMemoryLedgerHost() => services = AnotherNode();

    public IServiceScope Scope() => services.CreateScope();

    public ServiceProvider AnotherNode(Action<IServiceCollection>? more = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IOccurrenceLedger>(ledger);
        more?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
