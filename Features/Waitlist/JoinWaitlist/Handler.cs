using Dapper;
using Npgsql;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Waitlist.JoinWaitlist;

public sealed class Handler(NpgsqlDataSource dataSource, EmailTemplates templates) : IHandler
{
    // ON CONFLICT on the lower(email) index: a duplicate, however concurrent, returns no row instead of an error.
    private const string InsertSql = """
        INSERT INTO waitlist_entries (id, email, type, name, field, company)
        VALUES (@Id, @Email, @Type, @Name, @Field, @Company)
        ON CONFLICT ((lower(email))) DO NOTHING
        RETURNING id, email, type, name, field, company, created_at AS createdat,
                  (SELECT count(*) FROM waitlist_entries) + 1 AS position
        """;

    /// <returns>The created entry, or null when the email was already on the list.</returns>
    public async Task<Response?> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var entry = request.Normalized();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var created = await connection.QuerySingleOrDefaultAsync<Response>(new CommandDefinition(
            InsertSql, new { Id = Guid.CreateVersion7(), entry.Email, entry.Type, entry.Name, entry.Field, entry.Company }, transaction, cancellationToken: cancellationToken));
        if (created is null)
            return null;

        var email = templates.Render("WaitlistConfirmation", created.Email, WaitlistTexts.ConfirmationSubject, created);
        await EmailOutbox.EnqueueAsync(transaction, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}
