using ContactCenter.Contracts.Ivr;

namespace ContactCenter.Grains.Ivr;

/// <summary>The IVR walk (IVR-1) as a pure function: given a tree, where the call stands in it and what just happened,
/// the call's next position, what to carry out and what to journal. Nodes that need no caller (hours, caller, set
/// attribute, a lookup's or an announcement's answer) are passed in the same step; the walk stops where it waits for
/// the front end (a prompt's end, digits, a recording) or a service (lookup, announcement, transfer), or leaves the
/// IVR (queue, transfer, hang-up).</summary>
/// <remarks>Every playback, collection and recording the walk starts carries the id <see cref="IvrPosition.AwaitedId"/>
/// of the position it leaves the call at, and each step that waits draws a new one: a media event with another id
/// (late, repeated, or of a prompt a key interrupted) or one the current stage does not wait for is ignored
/// (<see cref="IvrStep.Ignored"/>). The tree is assumed valid (<c>DocumentValidator.Validate(IvrTree)</c>); a position
/// naming a node the tree does not have (a changed tree) hangs up.</remarks>
public static class IvrMachine
{
    /// <summary>The next step of the walk.</summary>
    /// <param name="tree">The tree the call entered (the version read at entry).</param>
    /// <param name="position">Where the call stands; null before it entered (or after it left).</param>
    /// <param name="input">What happened.</param>
    /// <param name="context">The call and the time.</param>
    public static IvrStep Next(IvrTree tree, IvrPosition? position, IvrInput input, IvrContext context)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (position is null)
        {
            return input is IvrEntered ? new IvrWalk(tree, context, 0).Enter() : IvrStep.Ignore(null);
        }
        return input is IvrEntered ? IvrStep.Ignore(position) : new IvrWalk(tree, context, position.Step).Continue(position, input);
    }
}
