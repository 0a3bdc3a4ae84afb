using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CheckinBot.Storage.Stores;

/// <summary>
/// Commits the event ledger's writes to one SQLite file together. Every turn claims and completes its event; one at a
/// time, each in its own transaction, those writes queued behind <see cref="SqliteWriteGate"/> under load, and the turns
/// waiting there outlived a gen0 collection and were promoted (issue 11). Here a write joins a queue and waits for the
/// gate; whoever takes the gate next writes everything queued in one transaction on its own connection, each write
/// within a savepoint, and hands every caller its own answer once the transaction is committed.
/// </summary>
/// <remarks>
/// A write that fails is rolled back to its savepoint and its caller gets its error; the others are kept. When the
/// transaction itself fails, every caller in it gets the error and nothing of it is written. A caller that gives up
/// before its write is taken is left out. PostgreSQL takes concurrent writers: there a write runs at once, alone.
/// </remarks>
internal static class SqliteGroupCommit
{
    /// <summary>The most writes in one transaction, so that a long queue still answers its first callers soon.</summary>
    private const int MostInOneCommit = 256;

    private const string Savepoint = "ledger_write";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<PendingWrite>> Queues = new(StringComparer.Ordinal);

    /// <param name="db">The caller's context: it writes the batch when its caller is the next to take the gate.</param>
    /// <param name="write">The write, on whichever context commits it; it must use that context and nothing else.</param>
    public static async Task<T> WriteAsync<T>(CheckinDbContext db, Func<CheckinDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await write(db, cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's own transaction decides when this is committed, so it cannot carry other callers' writes.
            return await SqliteWriteGate.WriteAsync(db, token => write(db, token), cancellationToken);
        }

        var queue = Queues.GetOrAdd(db.Database.GetConnectionString() ?? "", static _ => new ConcurrentQueue<PendingWrite>());
        var pending = new PendingWrite<T>(write);
        queue.Enqueue(pending);
        var gate = SqliteWriteGate.For(db);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!pending.TryWithdraw())
        {
            // A batch took the write before its caller gave up: the answer is on its way.
            return await pending.Answer;
        }

        try
        {
            // More than a batch may wait ahead of this write, and no one else may be left to write it.
            while (!pending.Taken)
            {
                await CommitAsync(db, queue);
            }
        }
        finally
        {
            gate.Release();
        }

        return await pending.Answer;
    }

    private static async Task CommitAsync(CheckinDbContext db, ConcurrentQueue<PendingWrite> queue)
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MostInOneCommit && queue.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                batch.Add(next);
            }
        }

        // The batch is everyone's: no one caller's cancellation may cut it short.
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var write in batch)
            {
                await write.RunAsync(db, transaction);
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception failure)
        {
            foreach (var write in batch)
            {
                write.Fail(failure);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Publish();
        }
    }

    private abstract class PendingWrite
    {
        private const int Waiting = 0;
        private const int InABatch = 1;
        private const int Withdrawn = 2;

        private int state;

        public bool Taken => Volatile.Read(ref state) == InABatch;

        public bool TryTake() => Interlocked.CompareExchange(ref state, InABatch, Waiting) == Waiting;

        public bool TryWithdraw() => Interlocked.CompareExchange(ref state, Withdrawn, Waiting) == Waiting;

        /// <summary>Runs the write within a savepoint; its own failure is kept for its caller, the transaction's is thrown.</summary>
        public abstract Task RunAsync(CheckinDbContext db, IDbContextTransaction transaction);

        /// <summary>Gives the caller what its write returned or threw, once the transaction is committed.</summary>
        public abstract void Publish();

        public abstract void Fail(Exception failure);
    }

    private sealed class PendingWrite<T>(Func<CheckinDbContext, CancellationToken, Task<T>> write) : PendingWrite
    {
        private readonly TaskCompletionSource<T> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private ExceptionDispatchInfo? failure;

        public Task<T> Answer => answer.Task;

        public override async Task RunAsync(CheckinDbContext db, IDbContextTransaction transaction)
        {
            await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
            try
            {
                result = await write(db, CancellationToken.None);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                return;
            }

            await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
        }

        public override void Publish()
        {
            if (failure is null)
            {
                answer.SetResult(result!);
            }
            else
            {
                answer.SetException(failure.SourceException);
            }
        }

        public override void Fail(Exception failure) => answer.SetException(failure);
    }
}
