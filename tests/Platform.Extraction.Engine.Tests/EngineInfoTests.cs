using Platform.Extraction.Engine;

namespace Platform.Extraction.Engine.Tests;

public class EngineInfoTests
{
    [Fact]
    public void Version_IsSemantic() => Assert.Matches(@"^\d+\.\d+\.\d+$", EngineInfo.Version);
}
