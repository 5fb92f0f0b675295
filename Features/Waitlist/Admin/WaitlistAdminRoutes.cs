using System.ComponentModel;

namespace Waitlist.Features.Waitlist.Admin;

/// <summary>/api/admin/waitlist: the dashboard's views of the waitlist, for staff and admins (401 anonymous, 403 users).</summary>
internal sealed class WaitlistAdminRoutes : IEndpoint
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/waitlist").WithTags(WaitlistTexts.AdminTag).RequireStaff();

        admin.MapGet("", ([AsParameters] ListEntries.Request request, ListEntries.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(request, cancellationToken))
            .Describe("ListWaitlistEntries", WaitlistTexts.ListSummary, WaitlistTexts.ListDescription)
            .Validate<ListEntries.Request>();

        admin.MapGet("/export.csv", ([AsParameters] EntryFilter filter, ExportEntries.Handler handler) => handler.Handle(filter))
            .Describe("ExportWaitlistEntries", WaitlistTexts.ExportSummary, WaitlistTexts.ExportDescription)
            .Validate<EntryFilter>();

        admin.MapPost("/{id}/invite", ([Description(WaitlistTexts.IdParameter)] string id, InviteEntry.Handler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(id, cancellationToken))
            .Describe("InviteWaitlistEntry", WaitlistTexts.InviteSummary, WaitlistTexts.InviteDescription)
            .ValidateRouteId("id", InviteEntry.Handler.IsWellFormedId)
            .ProducesErrors(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }
}
