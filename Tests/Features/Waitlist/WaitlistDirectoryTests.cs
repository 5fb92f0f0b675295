using Waitlist.Features.Waitlist;
using Waitlist.Infrastructure.PersonalData;

namespace Waitlist.Tests.Features.Waitlist;

/// <summary>The waitlist's public surface for other features, and its personal data, under double opt-in.</summary>
public sealed class WaitlistDirectoryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task The_directory_finds_confirmed_entries_only_in_any_letter_case()
    {
        var (confirmed, _) = await Api.ConfirmedEntryAsync("confirmada");
        var pending = await Api.PendingEntryAsync("pendiente");

        await using var scope = Api.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<WaitlistDirectory>();

        var found = await directory.FindByEmailAsync(confirmed.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal((confirmed, "professional", "Biología molecular"), (found!.Email, found.Type, found.Field));
        Assert.Null(await directory.FindByEmailAsync(pending, CancellationToken.None));
    }

    [Fact]
    public async Task Personal_data_exports_and_erases_an_entry_whatever_its_status()
    {
        var email = WaitlistClient.UniqueEmail("exportada");
        var ip = WaitlistClient.UniqueNetworkIp();
        await Api.JoinAsync(email, ip: ip);

        await using var scope = Api.Services.CreateAsyncScope();
        var waitlist = scope.ServiceProvider.GetServices<IPersonalData>().Single(data => data.Section == "waitlist");
        var subject = new DataSubject("usuario", email.ToUpperInvariant());

        var exported = JsonSerializer.SerializeToElement(await waitlist.ExportAsync(subject, CancellationToken.None));
        Assert.Equal(("pending", ip), (exported.GetProperty("Status").GetString(), exported.GetProperty("SignupIp").GetString()));
        await waitlist.EraseAsync(subject, CancellationToken.None);
        Assert.Null(await Api.StatusAsync(email));
        Assert.Null(await waitlist.ExportAsync(subject, CancellationToken.None));
    }

    [Fact]
    public async Task The_outbox_exports_a_queued_template_as_it_will_read()
    {
        var email = await Api.PendingEntryAsync("correo");

        await using var scope = Api.Services.CreateAsyncScope();
        var emails = scope.ServiceProvider.GetServices<IPersonalData>().Single(data => data.Section == "emails");

        var exported = JsonSerializer.SerializeToElement(await emails.ExportAsync(new DataSubject("usuario", email), CancellationToken.None));
        Assert.Contains("/api/waitlist/confirm?token=", exported[0].GetProperty("TextBody").GetString());
    }
}
