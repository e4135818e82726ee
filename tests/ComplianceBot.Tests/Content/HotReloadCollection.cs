namespace ComplianceBot.Tests.Content;

/// <summary>
/// Hot reload tests measure "a change is served within seconds"; they run alone, not beside other tests of this
/// assembly that start hosts and load content on the same two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HotReloadCollection
{
    public const string Name = "hot reload";
}
