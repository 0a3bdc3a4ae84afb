using System.Reflection;
using CheckinBot.Core.Pings;

namespace CheckinBot.Core.Tests;

public class CoreDependencyTests
{
    [Fact]
    public void Core_references_only_the_base_library_and_NodaTime()
    {
        var references = typeof(PingClass).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .ToList();

        references.Should().OnlyContain(name =>
            name == "NodaTime" || name == "System.Runtime" || name == "netstandard" ||
            name.StartsWith("System.", StringComparison.Ordinal) && !name.StartsWith("System.Net.Http", StringComparison.Ordinal),
            "the core is pure: no framework packages, no I/O libraries");
        references.Should().NotContain(n => n.StartsWith("Microsoft.", StringComparison.Ordinal));
    }
}
