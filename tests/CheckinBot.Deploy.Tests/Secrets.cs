using System.Text.RegularExpressions;

namespace CheckinBot.Deploy.Tests;

/// <summary>What counts as a secret in the deploy files, and what an unwritten one looks like.</summary>
internal static partial class Secrets
{
    /// <summary>Configuration keys and variables whose values are secrets.</summary>
    public static bool IsSecretKey(string key) => SecretKey().IsMatch(key);

    /// <summary>Only a reference to the environment, like <c>${SLACK_SIGNING_SECRET}</c> or <c>${POSTGRES_PASSWORD:?set it}</c>.</summary>
    public static bool IsEnvironmentReference(string value) => EnvironmentReference().IsMatch(value);

    /// <summary>The password parts of a connection string (<c>Password=…</c>).</summary>
    public static IEnumerable<string> PasswordsIn(string connectionString) =>
        Password().Matches(connectionString).Select(m => m.Groups["value"].Value);

    [GeneratedRegex("secret|token|password|connectionstring", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*(:?[-?][^}]*)?\}$")]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"(^|;)\s*Password\s*=(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Password();
}
