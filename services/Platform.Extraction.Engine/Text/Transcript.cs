using System.Text;
using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine.Text;

/// <summary>Question/answer turns of a transcript: a "Q:" paragraph opens a turn, "A:" and unmarked paragraphs answer it.</summary>
internal static class Transcript
{
    public static List<TranscriptTurn> Turns(IReadOnlyList<string> paragraphs)
    {
        var turns = new List<TranscriptTurn>();
        StringBuilder? question = null, answer = null;
        void Flush()
        {
            if (question is not null)
                turns.Add(new TranscriptTurn { Question = question.ToString(), Answer = answer?.ToString() ?? "" });
            question = answer = null;
        }
        foreach (var p in paragraphs)
        {
            if (StartsWith(p, "Q:", "Question:", out var q))
            {
                Flush();
                question = new StringBuilder(q);
            }
            else if (question is not null && StartsWith(p, "A:", "Answer:", out var a))
            {
                if (answer is null) answer = new StringBuilder(a);
                else answer.Append("\n\n").Append(a);
            }
            else if (answer is not null)
            {
                answer.Append("\n\n").Append(p);
            }
            else question?.Append("\n\n").Append(p);
        }
        Flush();
        return turns;
    }

    private static bool StartsWith(string p, string marker, string longMarker, out string rest)
    {
        rest = "";
        if (p.StartsWith(marker, StringComparison.Ordinal)) rest = p[marker.Length..].Trim();
        else if (p.StartsWith(longMarker, StringComparison.Ordinal)) rest = p[longMarker.Length..].Trim();
        else return false;
        return true;
    }
}
