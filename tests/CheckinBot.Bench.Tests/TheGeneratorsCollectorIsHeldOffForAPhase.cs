using System.Runtime.CompilerServices;
using CheckinBot.Bench.Peers;

namespace CheckinBot.Bench.Tests;

/// <summary>
/// An open-loop phase holds the load generator's own collector off (<see cref="GeneratorGcHold"/>): allocations within
/// the phase's region make no collection, and a phase that outgrows its region collects as usual and says so.
/// </summary>
[Collection(OpenLoopPhases.Name)]
public sealed class TheGeneratorsCollectorIsHeldOffForAPhase
{
    [Fact]
    public void A_phase_that_allocates_within_its_region_makes_no_collection()
    {
        // 64 MB for 2,048 requests; 32 MB allocated in it, more than a gen0 budget of the runtime here (2.4–17 MB).
        var hold = GeneratorGcHold.Enter(2048);
        var collections = GC.CollectionCount(0);

        Allocate(32 * 1024 * 1024);
        var during = GC.CollectionCount(0) - collections;
        hold.Dispose();

        during.Should().Be(0);
        hold.Outcome.Should().StartWith("held for the phase");
    }

    [Fact]
    public void A_phase_that_outgrows_its_region_collects_and_says_so()
    {
        // 32 KB for one request; 64 MB allocated in it.
        var hold = GeneratorGcHold.Enter(1);

        Allocate(64 * 1024 * 1024);
        hold.Dispose();

        hold.Outcome.Should().StartWith("held until it ran out");
    }

    [Fact]
    public void Disposing_a_second_time_keeps_what_the_phase_saw()
    {
        var hold = GeneratorGcHold.Enter(2048);
        hold.Dispose();

        hold.Dispose();

        hold.Outcome.Should().StartWith("held for the phase");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Allocate(int bytes)
    {
        for (var allocated = 0; allocated < bytes; allocated += 4096)
        {
            GC.KeepAlive(new byte[4096 - 24]);
        }
    }
}

/// <summary>A phase's no-GC region is the whole process's: the tests that enter one run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenLoopPhases
{
    public const string Name = "open-loop phases";
}
