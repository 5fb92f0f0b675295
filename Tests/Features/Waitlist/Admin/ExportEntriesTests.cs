namespace Waitlist.Tests.Features.Waitlist.Admin;

public sealed class ExportEntriesTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Exports_utf8_with_a_bom_quoted_where_needed_and_guarded_against_formulas()
    {
        var staff = await AuthClient.SignedInAsAsync(Api, "staff");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Entry($"formula-{tag}@example.com", name: "=HYPERLINK(\"http://x\";\"clic\")", company: "+34 600", field: "@SUM(A1)");
        await Entry($"comillas-{tag}@example.com", name: "Ana \"la Física\"; Pérez", company: "-Ñandú\nS.L.", field: "Química; analítica");

        var response = await staff.GetAsync($"/api/admin/waitlist/export.csv?search={tag}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Matches("^attachment; filename=\"lista-de-espera-\\d{4}-\\d{2}-\\d{2}\\.csv\"$", response.Content.Headers.ContentDisposition!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
            "id;correo;tipo;nombre;campo científico;empresa;estado;puesto;invitaciones confirmadas;código de invitación;alta (UTC);confirmación (UTC);invitación (UTC);archivo (UTC)",
            lines[0]);
        Assert.Equal(4, lines.Length); // the header, two rows (newest first), and what follows the last line's end
        Assert.Equal("", lines[3]);
        Assert.Contains($";comillas-{tag}@example.com;professional;\"Ana \"\"la Física\"\"; Pérez\";\"Química; analítica\";\"'-Ñandú\nS.L.\";confirmed;", lines[1]);
        Assert.Contains($";formula-{tag}@example.com;professional;\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";'@SUM(A1);'+34 600;confirmed;", lines[2]);
        Assert.Matches(@";\d+;0;[0-9a-z]{12};\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};;$", lines[2]);
    }

    [Fact]
    public async Task Takes_the_lists_filters_and_refuses_what_does_not_read()
    {
        var staff = await AuthClient.SignedInAsAsync(Api, "admin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Entry($"empresa-{tag}@example.com", name: "Laboratorios", company: "Lab S.L.", field: null, type: "empresa");
        await Entry($"profesional-{tag}@example.com", name: "Ana", company: null, field: "Física");

        var csv = await (await staff.GetAsync($"/api/admin/waitlist/export.csv?search={tag}&type=empresa")).Content.ReadAsStringAsync();
        var refused = await (await staff.GetAsync("/api/admin/waitlist/export.csv?archived=quizá&limit=5")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Contains($"empresa-{tag}@example.com", csv);
        Assert.DoesNotContain($"profesional-{tag}@example.com", csv);
        Assert.Equal(["archived:INVALID_BOOLEAN"], refused.FieldErrors());
    }

    [Fact]
    public async Task Streams_a_hundred_thousand_rows()
    {
        await using var api = await ApiFactory.StartAsync();
        var staff = await AuthClient.SignedInAsAsync(api, "staff");
        await using (var db = await api.OpenDatabaseAsync())
            await db.ExecuteAsync("""
                INSERT INTO waitlist_entries (id, email, type, name, field, status, confirmed_at, referral_code)
                SELECT gen_random_uuid(), 'fila-' || i || '@example.com', 'professional', 'Persona ' || i, 'Física', 'confirmed', now(), waitlist_new_referral_code()
                FROM generate_series(1, 100000) AS i
                """);

        using var response = await staff.SendAsync(HttpMethod.Get, "/api/admin/waitlist/export.csv", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Written as it is read: no length is known when the answer starts.
        Assert.True(response.Headers.TransferEncodingChunked);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var rows = 0;
        var places = new HashSet<long>();
        await reader.ReadLineAsync(); // the header
        while (await reader.ReadLineAsync() is { } line)
        {
            rows++;
            places.Add(long.Parse(line.Split(';')[7]));
        }
        Assert.Equal(100_000, rows);
        Assert.Equal(100_000, places.Count);
    }

    private async Task Entry(string email, string name, string? company, string? field, string type = "professional")
    {
        await using var db = await Api.OpenDatabaseAsync();
        await db.ExecuteAsync("""
            INSERT INTO waitlist_entries (id, email, type, name, field, company, status, confirmed_at, referral_code)
            VALUES (gen_random_uuid(), @email, @type, @name, @field, @company, 'confirmed', now(), waitlist_new_referral_code())
            """, new { email, type, name, field, company });
    }
}
