using CheckinBot.Storage.CompiledModels.Postgres;
using CheckinBot.Storage.CompiledModels.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CheckinBot.Storage.Tests.Start;

/// <summary>
/// The host runs on the compiled models under src/CheckinBot.Storage/CompiledModels and does not compare the model with
/// the migrations at start: these tests do both, for each provider, without a database.
/// When one fails after a change to CheckinDbContext, the README of src/CheckinBot.Storage says what to run.
/// </summary>
public class CompiledModelTests
{
    public static TheoryData<string> Providers => [StorageOptions.Sqlite, StorageOptions.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_context_runs_on_its_compiled_model(string provider)
    {
        using var db = Context(provider);

        db.Model.Should().BeOfType(provider == StorageOptions.Sqlite ? typeof(SqliteCheckinDbContextModel) : typeof(PostgresCheckinDbContextModel));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_has_every_table_column_key_and_index_the_configuration_builds(string provider)
    {
        using var db = Context(provider);
        var configured = db.GetService<IDesignTimeModel>().Model;

        var compiled = Shape(db.Model);
        var built = Shape(configured);

        built.Except(compiled).Select(x => "missing: " + x).Concat(compiled.Except(built).Select(x => "stale: " + x))
            .Should().BeEmpty("the compiled model must be generated again after a change to the model");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_change_of_the_model_has_its_migration(string provider)
    {
        using var db = Context(provider);

        db.Database.HasPendingModelChanges().Should().BeFalse("a change to the model needs a migration for each provider");
    }

    /// <summary>
    /// Each entity's table, columns, navigations, keys and indexes, with what a query or an update reads of them. (The
    /// migrations' model differ cannot read a compiled model, so the two are compared through what both keep.)
    /// </summary>
    private static List<string> Shape(IModel model) => model.GetEntityTypes()
        .OrderBy(e => e.Name, StringComparer.Ordinal)
        .SelectMany(e => e.GetProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType.Name} null={p.IsNullable} token={p.IsConcurrencyToken} generated={p.ValueGenerated} " +
                $"max={p.GetMaxLength()} converter={p.GetValueConverter()?.GetType().Name} column={p.GetColumnName()} {p.GetRelationalTypeMapping().StoreType}")
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name} auto={n.IsEagerLoaded}"))
            .Concat(e.GetKeys().Select(k => $"{e.Name} key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"))
            .Concat(e.GetForeignKeys().Select(f => $"{e.Name} foreign key {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"))
            .Concat(e.GetIndexes().Select(i => $"{e.Name} index {string.Join(",", i.Properties.Select(p => p.Name))} unique={i.IsUnique}"))
            .Append($"{e.Name} table {e.GetTableName()}"))
        .ToList();

    private static CheckinDbContext Context(string provider)
    {
        // No database is opened: the model and the migrations are compared in memory.
        var connection = provider == StorageOptions.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=checkinbot_model";
        return new CheckinDbContextFactory(new StorageOptions { Provider = provider }, connection).CreateDbContext();
    }
}
