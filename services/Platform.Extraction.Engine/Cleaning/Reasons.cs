namespace Platform.Extraction.Engine.Cleaning;

/// <summary>Reasons recorded in Extraction.removed.</summary>
internal static class Reasons
{
    public const string Title = "title";
    public const string Header = "header";
    public const string Byline = "byline";
    public const string Caption = "caption";
    public const string Link = "link";
    public const string Navigation = "navigation";
    public const string Paywall = "paywall";
    public const string Disclaimer = "disclaimer";
    public const string Signoff = "signoff";
    public const string DeskCode = "desk-code";
    public const string Duplicate = "duplicate";
}
