namespace CheckinBot.Pings.Tests;

/// <summary>The committed classifier, loaded once for the tests that use it.</summary>
internal static class PingClassifiers
{
    private static readonly Lazy<LearnedPingClassifier> Loaded = new(() => LearnedPingClassifier.Load());

    public static LearnedPingClassifier Committed => Loaded.Value;
}
