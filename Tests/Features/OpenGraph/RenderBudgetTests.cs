using System.Net;
using Waitlist.Features.OpenGraph;
using Waitlist.Tests.Support;

namespace Waitlist.Tests.Features.OpenGraph;

/// <summary>
/// What a render costs a client: a per-address budget of renders (images already drawn are free), a bounded queue,
/// and no work left behind by clients that hung up.
/// </summary>
public sealed class RenderBudgetTests
{
    private static string Preview(string title) => "/api/og?title=" + Uri.EscapeDataString(title);

    [Fact]
    public async Task Renders_beyond_the_budget_are_a_429_in_spanish_while_drawn_images_stay_free()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["RateLimits:og-render:PermitLimit"] = "2" });
        var client = api.ClientFrom(TestIps.Unique());

        var first = await client.GetAsync(Preview("Presupuesto uno"));
        var second = await client.GetAsync(Preview("Presupuesto dos"));
        var third = await client.GetAsync(Preview("Presupuesto tres"));
        var drawnAgain = await client.GetAsync(Preview("Presupuesto uno"));
        var otherClient = await api.ClientFrom(TestIps.Unique()).GetAsync(Preview("Presupuesto tres"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await third.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Equal("RATE_LIMITED", body.GetProperty("code").GetString());
        Assert.StartsWith("Demasiadas solicitudes. Inténtalo de nuevo en ", body.GetProperty("error").GetString());
        Assert.InRange(int.Parse(third.Header("Retry-After")), 1, 60);
        Assert.Equal("2", third.Header("X-RateLimit-Limit"));
        Assert.Equal("0", third.Header("X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.OK, drawnAgain.StatusCode);
        Assert.Equal("image/jpeg", drawnAgain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
        Assert.Equal(3, api.Services.GetRequiredService<RenderedImageCache>().Renders);
    }

    [Fact]
    public async Task A_full_render_queue_is_a_503_in_spanish_with_retry_after()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?>
        {
            ["OpenGraph:MaxConcurrentRenders"] = "1",
            ["OpenGraph:MaxQueuedRenders"] = "1",
        });
        var cache = api.Services.GetRequiredService<RenderedImageCache>();
        var client = api.ClientFrom(TestIps.Unique());
        var (busy, release) = cache.OccupyTheOnlySlot();

        var queued = client.GetAsync(Preview("En la cola"));
        await Conditions.WaitUntilAsync(() => cache.Queued == 1);
        var refused = await client.GetAsync(Preview("Sin sitio en la cola"));
        release();
        await busy;

        var body = await refused.ShouldBe(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("PREVIEW_BUSY", body.GetProperty("code").GetString());
        Assert.Equal("Estamos generando muchas imágenes de vista previa en este momento. Inténtalo de nuevo en unos segundos.",
            body.GetProperty("error").GetString());
        Assert.Equal("5", refused.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Preview("Sin sitio en la cola"))).StatusCode);
    }

    [Fact]
    public async Task Previews_whose_clients_hung_up_before_their_render_started_are_never_rendered()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["OpenGraph:MaxConcurrentRenders"] = "1" });
        var cache = api.Services.GetRequiredService<RenderedImageCache>();
        var client = api.ClientFrom(TestIps.Unique());
        var (busy, release) = cache.OccupyTheOnlySlot();
        using var hangUp = new CancellationTokenSource();

        var abandoned = Enumerable.Range(0, 10).Select(i => client.GetAsync(Preview($"Abandonada {i}"), hangUp.Token)).ToList();
        await Conditions.WaitUntilAsync(() => cache.Queued == 10);
        hangUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(abandoned));
        await Conditions.WaitUntilAsync(() => cache.Queued == 0);
        release();
        await busy;
        // Queued behind the dropped renders: had they stayed in the queue, they would have run first.
        var later = await client.GetAsync(Preview("Después"));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(2, cache.Renders); // the slot's holder and "Después"
    }

    [Fact]
    public async Task With_warm_up_on_the_default_image_is_drawn_before_anyone_asks()
    {
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["OpenGraph:WarmUp"] = "true" });
        var cache = api.Services.GetRequiredService<RenderedImageCache>();

        await Conditions.WaitUntilAsync(() => cache.Count == 1);
        var response = await api.CreateClient().GetAsync("/api/og");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, cache.Renders);
    }
}
