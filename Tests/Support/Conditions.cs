namespace Waitlist.Tests.Support;

public static class Conditions
{
    /// <summary>
    /// Waits for something the API does in the background (a delivery, a hang-up noticed). The deadline only keeps a
    /// broken test from hanging; it is no assertion about speed.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition never held.");
            await Task.Delay(20);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));
}
