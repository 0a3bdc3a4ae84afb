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

    [Fact]
    public void Core_holds_the_ping_classifiers_port_but_no_classifier_and_no_evaluation()
    {
        var types = typeof(PingClass).Assembly.GetTypes();

        types.Should().Contain(typeof(IPingClassifier));
        types.Where(t => t != typeof(IPingClassifier)).Should().NotContain(t => typeof(IPingClassifier).IsAssignableFrom(t), "the classifier lives in CheckinBot.Pings");
        types.Should().NotContain(t => t.Namespace != null && t.Namespace.Contains("Evaluation", StringComparison.Ordinal));
    }
}
