using Waitlist.Infrastructure.Database;

namespace Waitlist.Tests.Infrastructure;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void A_database_url_becomes_an_npgsql_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://app%40x:p%3Ass@db.internal:6543/waitlist?sslmode=require"));

        Assert.Equal(("db.internal", 6543, "waitlist", "app@x", "p:ss", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void Another_scheme_is_refused_with_the_expected_shape()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseUrl.ToConnectionString("mysql://u:p@h/db"));

        Assert.Contains("postgres://", error.Message);
    }
}
