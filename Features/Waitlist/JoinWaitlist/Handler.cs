using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

/// <summary>Adds the entry and queues its confirmation email, together; an address already on the list is a 409.</summary>
internal sealed class Handler(DbScope db, EmailOutbox outbox, EmailTemplates templates) : IHandler
{
    // The unique lower(email) index decides duplicates: ON CONFLICT turns even a concurrent one into "no row".
    // NOT EXISTS keeps an ordinary duplicate from drawing a queue position (the identity). The address is stored under
    // the database's one rule for email addresses, normalized_email(), which accounts follow too.
    private const string InsertSql = """
        INSERT INTO waitlist_entries (id, email, type, name, field, company)
        SELECT @Id, normalized_email(@Email), @Type, @Name, @Field, @Company
        WHERE NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE lower(email) = normalized_email(@Email))
        ON CONFLICT ((lower(email))) DO NOTHING
        RETURNING id, email, type, name, field, company, created_at AS createdat, position
        """;

    public async Task<Results<Created<Response>, ErrorResult>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var entry = request.Normalized();
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var created = await db.SingleOrDefaultAsync<Response>(InsertSql,
            new { Id = Guid.CreateVersion7(), entry.Email, entry.Type, entry.Name, entry.Field, entry.Company }, cancellationToken);
        if (created is null)
            return ErrorResponses.Result(WaitlistTexts.EmailAlreadyRegistered);

        await outbox.EnqueueAsync(templates.Render("WaitlistConfirmation", created.Email, WaitlistTexts.ConfirmationSubject, created), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created((string?)null, created);
    }
}
