using System.Xml.Linq;
using CheckinBot.Pings.Training;
using CheckinBot.Testing;

namespace CheckinBot.Pings.Tests;

/// <summary>
/// The host loads <c>CheckinBot.Pings</c> to classify; ML.NET and FastTree are needed only to learn and to evaluate, in
/// <c>CheckinBot.Pings.Training</c>, which the host does not reference.
/// </summary>
public class TheRuntimeCarriesNoMachineLearningTests
{
    [Fact]
    public void The_classifiers_assembly_references_no_Microsoft_ML_assembly()
    {
        var references = typeof(LearnedPingClassifier).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        references.Should().NotContain(name => name.StartsWith("Microsoft.ML", StringComparison.OrdinalIgnoreCase),
            "the classifier scores with the committed weights itself (dot product and softmax)");
    }

    [Fact]
    public void The_classifiers_project_has_no_package_reference_at_all()
    {
        var project = XDocument.Load(Repository.PathOf("src/CheckinBot.Pings/CheckinBot.Pings.csproj"));

        project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include"))
            .Should().BeEmpty("Microsoft.ML and Microsoft.ML.FastTree belong to src/CheckinBot.Pings.Training, which the host does not load");
    }

    [Fact]
    public void Training_lives_in_its_own_assembly_that_does_reference_ML_NET()
    {
        var training = typeof(PingTrainer).Assembly;

        training.Should().NotBeSameAs(typeof(LearnedPingClassifier).Assembly);
        training.GetReferencedAssemblies().Select(a => a.Name).Should().Contain("Microsoft.ML.Data");
    }

}
