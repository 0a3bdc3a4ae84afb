namespace CheckinBot.Deploy.Tests.Published;

/// <summary>The tests that share the one publish of a test run.</summary>
[CollectionDefinition(Name)]
public sealed class SharedImageBuild : ICollectionFixture<ImageBuild>
{
    public const string Name = "image build";
}
