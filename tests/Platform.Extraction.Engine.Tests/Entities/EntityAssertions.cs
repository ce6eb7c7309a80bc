using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;

namespace Platform.Extraction.Engine.Tests.Entities;

/// <summary>Runs the semantic stage on a sentence and looks entities up by name or alias.</summary>
internal static class EntityAssertions
{
    public static IReadOnlyList<Entity> Recognize(string body, string title = "") => SemanticStage.Run(title, body).Entities;

    public static Entity Single(IReadOnlyList<Entity> entities, string name) =>
        Assert.Single(entities, e => e.Name == name || e.Aliases.Contains(name));

    public static void AssertNoEntity(IReadOnlyList<Entity> entities, string name) =>
        Assert.DoesNotContain(entities, e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));

    public static void AssertNoNameContaining(IReadOnlyList<Entity> entities, string part) =>
        Assert.DoesNotContain(entities, e => e.Name.Contains(part, StringComparison.Ordinal));
}
