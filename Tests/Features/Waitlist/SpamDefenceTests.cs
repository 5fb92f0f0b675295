using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Waitlist.Tests.Features.Waitlist;

public sealed class SpamDefenceTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task A_filled_honeypot_answers_the_same_201_and_stores_and_sends_nothing()
    {
        var email = WaitlistClient.UniqueEmail("robot");
        var human = await Api.JoinAsync(WaitlistClient.UniqueEmail("humana"));

        var response = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist",
            new { email, type = "professional", name = "Ana Pérez", field = "Física", website = "http://spam.example" });
        // Whatever else a bot sends, it learns nothing from field errors.
        var sloppy = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", new { email = "nope", website = "x" });

        var body = await response.ShouldBe(HttpStatusCode.Created);
        await sloppy.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(human.EnumerateObject().Select(p => p.Name), body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.True(body.GetProperty("position").GetInt64() >= 1);
        Assert.Null(await Api.StatusAsync(email));
        Assert.Empty(await Api.QueuedEmailsAsync(email));
    }

    [Theory]
    [InlineData("ana@mailinator.com")]
    [InlineData("ana@MAILINATOR.com")]
    [InlineData("ana@eu.yopmail.com")]
    public async Task Addresses_at_disposable_domains_are_refused_in_spanish(string email)
    {
        var response = await Api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional(email));

        var body = await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["email:DISPOSABLE_EMAIL"], body.FieldErrors());
        Assert.Equal("No admitimos direcciones de correo temporales. Usa tu correo habitual.", body.GetProperty("details")[0].GetProperty("message").GetString());
        Assert.Null(await Api.StatusAsync(email.ToLowerInvariant()));
    }

    [Fact]
    public async Task The_domain_list_is_a_file_that_can_be_replaced_without_code()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "# solo para esta prueba\ncorreo-de-usar-y-tirar.es\n\n");
        try
        {
            await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Waitlist:DisposableDomainsFile"] = file });

            var refused = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional("ana@correo-de-usar-y-tirar.es"));
            var allowed = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional(WaitlistClient.UniqueEmail("ana").Replace("example.com", "mailinator.com")));

            Assert.Equal(["email:DISPOSABLE_EMAIL"], (await refused.ShouldBe(HttpStatusCode.BadRequest)).FieldErrors());
            await allowed.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_form_posted_faster_than_the_minimum_is_refused_and_a_slower_one_or_a_fast_clock_passes()
    {
        // Ten minutes, so that no slow test machine can make a fresh form look old enough.
        await using var api = await ApiFactory.StartAsync(new Dictionary<string, string?> { ["Waitlist:MinSecondsToSubmit"] = "600" });
        long Ago(double seconds) => DateTimeOffset.UtcNow.AddSeconds(-seconds).ToUnixTimeMilliseconds();
        object Form(string email, long renderedAt) => new { email, type = "professional", name = "Ana Pérez", field = "Física", renderedAt };

        var fast = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Form(WaitlistClient.UniqueEmail(), Ago(1)));
        var human = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Form(WaitlistClient.UniqueEmail(), Ago(660)));
        var clockAhead = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", Form(WaitlistClient.UniqueEmail(), Ago(-120)));
        var without = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional(WaitlistClient.UniqueEmail()));

        var refused = await fast.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["renderedAt:TOO_FAST"], refused.FieldErrors());
        Assert.Equal("Has enviado el formulario demasiado rápido. Espera unos segundos y vuelve a intentarlo.", refused.GetProperty("details")[0].GetProperty("message").GetString());
        await human.ShouldBe(HttpStatusCode.Created);
        await clockAhead.ShouldBe(HttpStatusCode.Created);
        await without.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_captcha_is_verified_with_the_provider_and_a_refused_token_stores_nothing()
    {
        await using var provider = await FakeCaptchaProvider.StartAsync();
        await using var api = await ApiFactory.StartAsync(provider.Settings());
        var ip = TestIps.Unique();
        var human = WaitlistClient.UniqueEmail("humana");
        var robot = WaitlistClient.UniqueEmail("robot");
        var silent = WaitlistClient.UniqueEmail("sin-token");

        var accepted = await api.ClientFrom(ip).PostJsonAsync("/api/waitlist", WithToken(human, "humano"));
        var refused = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WithToken(robot, "robot"));
        var missing = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WaitlistClient.Professional(silent));

        await accepted.ShouldBe(HttpStatusCode.Created);
        foreach (var response in new[] { refused, missing })
        {
            var body = await response.ShouldBe(HttpStatusCode.BadRequest);
            Assert.Equal("CAPTCHA_FAILED", body.GetProperty("code").GetString());
            Assert.Equal("No hemos podido comprobar que no eres un robot. Inténtalo de nuevo.", body.GetProperty("error").GetString());
        }
        Assert.Equal("pending", await api.StatusAsync(human));
        Assert.Null(await api.StatusAsync(robot));
        Assert.Null(await api.StatusAsync(silent));
        var asked = provider.Requests.First(form => form["response"] == "humano");
        Assert.Equal((FakeCaptchaProvider.Secret, ip), ((string?)asked["secret"], (string?)asked["remoteip"]));
        Assert.Equal(2, provider.Requests.Count); // a post without a token costs the provider nothing
    }

    [Theory]
    [InlineData(FakeCaptchaProvider.Mode.Outage, "answered 503")]
    [InlineData(FakeCaptchaProvider.Mode.Hang, "did not answer within 1 s")]
    [InlineData(FakeCaptchaProvider.Mode.Garbage, "")]
    [InlineData(FakeCaptchaProvider.Mode.WrongSecret, "invalid-input-secret")]
    public async Task When_the_provider_cannot_answer_the_post_goes_through_with_a_warning(FakeCaptchaProvider.Mode mode, string reason)
    {
        await using var provider = await FakeCaptchaProvider.StartAsync(mode);
        await using var api = await ApiFactory.StartAsync(provider.Settings());
        var email = WaitlistClient.UniqueEmail("caida");

        var response = await api.ClientFrom(TestIps.Unique()).PostJsonAsync("/api/waitlist", WithToken(email, "robot"));

        await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("pending", await api.StatusAsync(email));
        var warning = Assert.Single(api.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("letting it through"));
        Assert.Contains(reason, warning.Message);
        Assert.DoesNotContain(FakeCaptchaProvider.Secret, warning.Message);
    }

    private static object WithToken(string email, string captchaToken) =>
        new { email, type = "professional", name = "Ana Pérez", field = "Física", captchaToken };

    /// <summary>A stand-in for Turnstile's siteverify on a local port: "humano" is a person, anything else a robot.</summary>
    public sealed class FakeCaptchaProvider : IAsyncDisposable
    {
        public const string Secret = "0x4AAAAAAAprueba-secreta";

        public enum Mode { Answer, Outage, Hang, Garbage, WrongSecret }

        private readonly WebApplication _app;

        private FakeCaptchaProvider(WebApplication app) => _app = app;

        public ConcurrentQueue<IFormCollection> Requests { get; } = new();

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/siteverify";

        public static async Task<FakeCaptchaProvider> StartAsync(Mode mode = Mode.Answer)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var provider = new FakeCaptchaProvider(app);
            app.MapPost("/siteverify", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                provider.Requests.Enqueue(form);
                switch (mode)
                {
                    case Mode.Outage:
                        return Results.StatusCode(503);
                    case Mode.Hang:
                        await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                        return Results.Ok();
                    case Mode.Garbage:
                        return Results.Text("<html>mantenimiento</html>", "application/json");
                    case Mode.WrongSecret:
                        return Results.Json(new Dictionary<string, object> { ["success"] = false, ["error-codes"] = new[] { "invalid-input-secret" } });
                    default:
                        var human = form["secret"] == Secret && form["response"] == "humano";
                        return Results.Json(new Dictionary<string, object> { ["success"] = human, ["error-codes"] = human ? Array.Empty<string>() : ["invalid-input-response"] });
                }
            });
            await app.StartAsync();
            return provider;
        }

        public Dictionary<string, string?> Settings() => new()
        {
            ["Waitlist:Captcha:Provider"] = "turnstile",
            ["Waitlist:Captcha:Secret"] = Secret,
            ["Waitlist:Captcha:VerifyUrl"] = Url,
            ["Waitlist:Captcha:TimeoutSeconds"] = "1",
        };

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
