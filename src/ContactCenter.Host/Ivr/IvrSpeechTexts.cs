using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Host.Ivr;

/// <summary>The texts an IVR tree speaks: every prompt given as text rather than a recorded prompt id, by the prompt id
/// the call grain plays for it (<see cref="IvrPrompt.SpeechPromptId"/> in the tree's language).</summary>
internal static class IvrSpeechTexts
{
    /// <summary>Adds the texts of <paramref name="tree"/> to <paramref name="texts"/> (prompt id → text).</summary>
    public static void Collect(IvrTree tree, IDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var prompt in tree.Nodes.IsDefault ? [] : tree.Nodes.SelectMany(Prompts))
        {
            if (prompt is { PromptId: null, Text: { Length: > 0 } text })
            {
                texts[IvrPrompt.SpeechPromptId(tree.Language, text)] = text;
            }
        }
    }

    private static IEnumerable<IvrPrompt?> Prompts(IvrNode node) => node switch
    {
        IvrMenuNode menu => [menu.Prompt, menu.InvalidPrompt],
        IvrPlayNode play => [play.Prompt],
        IvrInputNode input => [input.Prompt],
        IvrQueueNode queue => [queue.Prompt],
        IvrVoicemailNode voicemail => [voicemail.Prompt],
        IvrCallbackNode callback => [callback.Prompt, callback.TimePrompt],
        IvrOutOfHoursNode outOfHours => [outOfHours.Prompt],
        IvrTransferNode transfer => [transfer.Prompt],
        IvrHangupNode hangup => [hangup.Prompt],
        _ => [],
    };
}
