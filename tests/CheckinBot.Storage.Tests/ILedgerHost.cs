using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Storage.Tests;

/// <summary>Where a ledger contract runs: a database of one provider (<see cref="StorageFixture"/>), or the kit's in-memory ledger.</summary>
public interface ILedgerHost : IAsyncDisposable
{
    /// <summary>One unit of work, as one request or delivery pass of a node has.</summary>
    IServiceScope Scope();

    /// <summary>A second node on the same ledger, with <paramref name="more"/> services of its own.</summary>
    ServiceProvider AnotherNode(Action<IServiceCollection>? more = null);
}
