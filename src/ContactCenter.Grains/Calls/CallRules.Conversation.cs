using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Events;

namespace ContactCenter.Grains.Calls;

public static partial class CallRules
{
    /// <summary>The agent puts the customer on hold; a repeat changes nothing. In a conference the customer hears the
    /// hold music while the two agents go on talking. Refused while a second agent rings or is consulted, or a transfer
    /// is pending (they decide the hold themselves).</summary>
    public static CallDecision Hold(CallState state, string agentId, DateTimeOffset now) =>
        CheckConversation(state, agentId, connectedOnly: true) ?? CheckHoldable(state)
        ?? (state.Held ? CallDecision.NoChange("already on hold") : CallDecision.Emit(new CallHeld(now, agentId)));

    /// <summary>The agent takes the customer off hold (back into the conference, when there is one); a repeat changes
    /// nothing. Refused while a second agent rings or is consulted, or a transfer is pending.</summary>
    public static CallDecision Retrieve(CallState state, string agentId, DateTimeOffset now) =>
        CheckConversation(state, agentId, connectedOnly: true) ?? CheckHoldable(state)
        ?? (state.Held ? CallDecision.Emit(new CallRetrieved(now, agentId)) : CallDecision.NoChange("not on hold"));

    /// <summary>Hold and retrieve are the agent's in a two-party conversation and in a conference.</summary>
    private static CallDecision? CheckHoldable(CallState state) =>
        state.Consult is { Stage: ConsultStage.Conference } ? null : CheckNoSecondParty(state);

    /// <summary>The agent writes a note (during the conversation or the wrap-up).</summary>
    public static CallDecision AddNote(CallState state, string agentId, string text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > NoteLength)
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, $"a note has 1 to {NoteLength} characters");
        }
        return CheckConversation(state, agentId, connectedOnly: false)
            ?? CallDecision.Emit(new CallNoteAdded(now, new CallNote(now, agentId, text)));
    }

    /// <summary>The agent sets the category (during the conversation or the wrap-up); a repeat changes nothing.</summary>
    public static CallDecision SetCategory(CallState state, string agentId, string categoryId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(categoryId))
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest, "a category id is required");
        }
        return CheckConversation(state, agentId, connectedOnly: false)
            ?? (state.CategoryId == categoryId
                ? CallDecision.NoChange($"the category is already {categoryId}")
                : CallDecision.Emit(new CallCategorySet(now, agentId, categoryId)));
    }

    /// <summary>Attaches data to a live call; the same value again changes nothing.</summary>
    public static CallDecision SetAttribute(CallState state, string key, string value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(key) || key.Length > AttributeKeyLength || value is null || value.Length > AttributeValueLength)
        {
            return CallDecision.Fail(CallCommandError.InvalidRequest,
                $"an attribute has a key of 1 to {AttributeKeyLength} characters and a value of at most {AttributeValueLength}");
        }
        if (!state.IsLive)
        {
            return CallDecision.Fail(state.Phase is null ? CallCommandError.NotStarted : CallCommandError.InvalidPhase, "the call is not live");
        }
        return state.Attributes.TryGetValue(key, out var current) && current == value
            ? CallDecision.NoChange($"{key} is already {value}")
            : CallDecision.Emit(new CallAttributeSet(now, key, value));
    }

    /// <summary>The agent finishes wrap-up: the call ends (as transferred after a blind transfer out); a repeat after the end changes nothing.</summary>
    public static CallDecision FinishWrapUp(CallState state, string agentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsAgent(agentId))
        {
            return CallDecision.Fail(CallCommandError.NotTheCallsAgent, $"agent {agentId} is not on the call");
        }
        return state.Phase switch
        {
            CallPhase.WrapUp => CallDecision.Emit(new CallEnded(now, AfterWrapUp(state))),
            CallPhase.Ended => CallDecision.NoChange("the call is over"),
            _ => CallDecision.Fail(CallCommandError.InvalidPhase, $"the call is {state.Phase}, not in wrap-up"),
        };
    }

    /// <summary>The wrap-up time passed: the call ends.</summary>
    public static CallDecision WrapUpExpired(CallState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase == CallPhase.WrapUp && state.WrapUpUntil is { } until && until <= now
            ? CallDecision.Emit(new CallEnded(now, AfterWrapUp(state)))
            : CallDecision.NoChange("no wrap-up deadline has passed");
    }

    /// <summary>Null when <paramref name="agentId"/> is the call's agent and the call is connected (or, unless
    /// <paramref name="connectedOnly"/>, in wrap-up); otherwise the refusal.</summary>
    private static CallDecision? CheckConversation(CallState state, string agentId, bool connectedOnly)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsAgent(agentId))
        {
            return CallDecision.Fail(CallCommandError.NotTheCallsAgent, $"agent {agentId} is not on the call");
        }
        return state.Phase == CallPhase.Connected || (!connectedOnly && state.Phase == CallPhase.WrapUp)
            ? null
            : CallDecision.Fail(CallCommandError.InvalidPhase, $"the call is {state.Phase}");
    }
}
