using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>The place gazetteer is content: a required file, checked against its schema and the other files.</summary>
public sealed class PlacesLoadingTests : IDisposable
{
    private readonly KnowledgeCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    private string[] Errors() => [.. _copy.Load().Messages.Where(m => m.Severity == Severity.Error).Select(m => m.ToString())];

    [Fact]
    public void A_missing_gazetteer_is_an_error_and_the_content_is_refused()
    {
        File.Delete(_copy.FullPath("places.yaml"));

        var result = _copy.Load();

        Assert.Null(result.Content);
        var error = Assert.Single(Errors());
        Assert.StartsWith("knowledge/places.yaml:0:0: error: the place gazetteer is missing", error);
    }

    [Fact]
    public void A_topic_a_jurisdiction_points_to_must_exist()
    {
        _copy.Replace("places.yaml", "    topic: other-jurisdictions", "    topic: other-jurisdiction");
        var line = _copy.LineOf("places.yaml", "topic: other-jurisdiction");

        var error = Assert.Single(Errors());
        Assert.Equal($"knowledge/places.yaml:{line}:12: error: topic 'other-jurisdiction' does not exist (no file topics/other-jurisdiction.yaml)", error);
    }

    [Fact]
    public void A_place_slot_must_name_a_real_slot_and_values_of_it()
    {
        var knowledge = Repo.CopyContent();
        try
        {
            var places = Path.Combine(knowledge, "places.yaml");
            File.WriteAllText(places, File.ReadAllText(places)
                .Replace("    slot: destination", "    slot: destinaton")
                .Replace("hong-kong-macau: elsewhere, taiwan: elsewhere, elsewhere: elsewhere }", "hong-kong-macau: abroad, taiwan: elsewhere, elsewhere: elsewhere }"));

            var errors = ComplianceBot.Core.Loading.ContentLoader.Load(knowledge).Messages
                .Where(m => m.Severity == Severity.Error).Select(m => m.ToString()).ToArray();

            Assert.Equal(2, errors.Length);
            Assert.Contains("error: slot 'location' of dialog 'personal-vpn-check' has no value 'abroad' (its values: mainland-china, elsewhere)", errors[0]);
            Assert.Contains("error: dialog 'travel-check' has no slot 'destinaton' (its slots: destination, method, purpose, in-scope)", errors[1]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(knowledge)!, recursive: true);
        }
    }

    [Fact]
    public void Without_a_dialogs_folder_the_place_slots_are_not_checked()
    {
        Assert.Empty(Errors());
    }

    [Fact]
    public void The_schema_owns_the_shape_an_unknown_jurisdiction_is_refused()
    {
        _copy.Replace("places.yaml", "  - id: japan\n    jurisdiction: elsewhere", "  - id: japan\n    jurisdiction: asia");

        var error = Assert.Single(Errors());
        Assert.Contains("knowledge/places.yaml:", error);
        Assert.Contains("asia", error);
    }

    [Fact]
    public void A_jurisdiction_without_a_topic_is_an_error()
    {
        _copy.Replace("places.yaml", "  - id: taiwan\n    topic: hong-kong-macau", string.Empty);

        var error = Assert.Single(Errors());
        Assert.Contains("error: jurisdiction 'taiwan' has no topic", error);
    }
}
