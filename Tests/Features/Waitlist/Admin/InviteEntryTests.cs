using Waitlist.Features.Waitlist;

namespace Waitlist.Tests.Features.Waitlist.Admin;

public sealed class InviteEntryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private async Task<HttpResponseMessage> InviteAsync(AuthClient admin, object id) => await admin.PostAsync($"/api/admin/waitlist/{id}/invite");

    [Fact]
    public async Task Queues_a_spanish_invitation_with_the_sign_up_link_and_records_when()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "staff");
        var email = WaitlistClient.UniqueEmail("invitada");
        var id = (await Api.JoinAsync(email)).GetProperty("id").GetString();
        await Api.ConfirmAsync(email);

        var body = await (await InviteAsync(admin, id!)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((id, email, "confirmed"), (body.GetProperty("id").GetString(), body.GetProperty("email").GetString(), body.GetProperty("status").GetString()));
        Assert.True(DateTimeOffset.UtcNow - body.GetProperty("invitedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        var invitation = (await Api.QueuedEmailsAsync(email)).Last();
        Assert.Equal(WaitlistEmails.InvitationTemplate, invitation.Template);
        Assert.Equal("Tu acceso a la plataforma está listo", invitation.Message.Subject);
        Assert.Contains("Crea tu cuenta aquí:\nhttp://localhost:3000/registro", invitation.Message.TextBody);
        Assert.Contains("¡Te toca, Ana Pérez Núñez!", invitation.Message.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", invitation.Message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task A_second_invitation_within_a_day_is_a_409_however_many_admins_click()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var email = WaitlistClient.UniqueEmail("otra-vez");
        var id = (await Api.JoinAsync(email)).GetProperty("id").GetString()!;
        await Api.ConfirmAsync(email);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => InviteAsync(admin, id)));

        Assert.Single(clicks, click => click.StatusCode == HttpStatusCode.OK);
        var conflict = await clicks.First(click => click.StatusCode != HttpStatusCode.OK).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal(("ALREADY_INVITED", "Esta persona ya recibió una invitación en las últimas 24 horas."), (conflict.GetProperty("code").GetString(), conflict.GetProperty("error").GetString()));
        Assert.Single(await Api.QueuedEmailsAsync(email), queued => queued.Template == WaitlistEmails.InvitationTemplate);

        await using (var db = await Api.OpenDatabaseAsync())
            await db.ExecuteAsync("UPDATE waitlist_entries SET invited_at = now() - interval '25 hours' WHERE email = @email", new { email });
        await (await InviteAsync(admin, id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (await Api.QueuedEmailsAsync(email)).Count(queued => queued.Template == WaitlistEmails.InvitationTemplate));
    }

    [Fact]
    public async Task Only_confirmed_entries_without_an_account_can_be_invited()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");
        var pending = WaitlistClient.UniqueEmail("sin-confirmar");
        var pendingId = (await Api.JoinAsync(pending)).GetProperty("id").GetString()!;
        var member = WaitlistClient.UniqueEmail("con-cuenta");
        var memberId = (await Api.JoinAsync(member)).GetProperty("id").GetString()!;
        await Api.ConfirmAsync(member);
        await new AuthClient(Api).SignUpAsync(member.ToUpperInvariant());

        var notConfirmed = await (await InviteAsync(admin, pendingId)).ShouldBe(HttpStatusCode.Conflict);
        var hasAccount = await (await InviteAsync(admin, memberId)).ShouldBe(HttpStatusCode.Conflict);

        Assert.Equal("ENTRY_NOT_CONFIRMED", notConfirmed.GetProperty("code").GetString());
        Assert.Equal(("ALREADY_HAS_ACCOUNT", "Este correo ya tiene una cuenta en la plataforma."), (hasAccount.GetProperty("code").GetString(), hasAccount.GetProperty("error").GetString()));
        Assert.DoesNotContain(await Api.QueuedEmailsAsync(pending), queued => queued.Template == WaitlistEmails.InvitationTemplate);
        Assert.DoesNotContain(await Api.QueuedEmailsAsync(member), queued => queued.Template == WaitlistEmails.InvitationTemplate);
    }

    [Fact]
    public async Task A_well_formed_id_of_no_entry_is_a_404()
    {
        var admin = await AuthClient.SignedInAsAsync(Api, "admin");

        var body = await (await InviteAsync(admin, Guid.NewGuid())).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("ENTRY_NOT_FOUND", body.GetProperty("code").GetString());
    }
}
