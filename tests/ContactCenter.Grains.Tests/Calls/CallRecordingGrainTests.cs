using ContactCenter.Contracts.Calls;
using ContactCenter.Contracts.Calls.Media;
using ContactCenter.Grains.Tests.Routing;
using static ContactCenter.Grains.Tests.Calls.CallDriver;

namespace ContactCenter.Grains.Tests.Calls;

/// <summary>REC-1 on the in-process cluster with a scripted front end: a call is recorded from its connection (the site
/// records calls by default), and its agent pauses and resumes the recording; nobody else may.</summary>
public sealed class CallRecordingGrainTests(RoutingClusterFixture fixture) : IClassFixture<RoutingClusterFixture>
{
    private readonly CallDriver _driver = new(fixture);

    private ScriptedCallMedia Media => fixture.Media;

    [Fact]
    public async Task A_connected_call_is_recorded_and_its_agent_pauses_and_resumes_the_recording()
    {
        var (call, callId, anna) = await _driver.ConnectedCallAsync("anna");

        await Media.WaitForAsync(callId, nameof(ICallMedia.RecordAsync), a => (RecordingCommand?)a == RecordingCommand.Start);
        Assert.Equal(CallRecordingState.On, (await call.GetStatusAsync()).Recording);

        Assert.True((await call.SetRecordingAsync(Id(anna), recording: false)).Changed);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RecordAsync), a => (RecordingCommand?)a == RecordingCommand.Pause);
        Assert.Equal(CallRecordingState.Paused, (await call.GetStatusAsync()).Recording);
        Assert.Equal(CallCommandError.NotTheCallsAgent, (await call.SetRecordingAsync("someone-else", recording: true)).Error);

        Assert.True((await call.SetRecordingAsync(Id(anna), recording: true)).Changed);
        await Media.WaitForAsync(callId, nameof(ICallMedia.RecordAsync), a => (RecordingCommand?)a == RecordingCommand.Resume);
        Assert.Equal(CallRecordingState.On, (await call.GetStatusAsync()).Recording);
        await _driver.HangUpAndFinishAsync(call, anna);
    }
}
