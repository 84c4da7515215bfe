using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Charities;
using WelfareGraph.Data;
using WelfareGraph.Geography;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// The scope mechanism itself, on the demo data: one model whose query filters read each context's scope as
/// parameters; contexts that see nothing unless a factory gave them a scope; writes checked against the
/// same scope; no way to switch the filters off.
/// </summary>
public sealed class ScopeMechanismTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    private IServiceProvider Services => server.Factory.Services;

    private async Task<(WelfareDbContext Zanjan1, WelfareDbContext Zanjan2, List<County> Counties)> TwoScopedContextsAsync()
    {
        await using var system = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        var counties = await system.Counties.OrderBy(c => c.Code).ToListAsync();
        var raw = Services.GetRequiredService<IDbContextFactory<SqliteWelfareDbContext>>();
        var first = raw.CreateDbContext();
        first.Scope = WelfareScope.Regional(["IR-19-01"], [counties[0].Id], [counties[0].ProvinceId], []);
        var second = raw.CreateDbContext();
        second.Scope = WelfareScope.Regional(["IR-19-02"], [counties[1].Id], [counties[1].ProvinceId], []);
        return (first, second, counties);
    }

    [Fact]
    public async Task One_cached_model_with_the_scope_as_query_parameters()
    {
        var (a, b, counties) = await TwoScopedContextsAsync();
        await using var _ = a;
        await using var __ = b;
        Assert.Same(a.Model, b.Model);

        var countA = await a.Contributions.CountAsync();
        var countB = await b.Contributions.CountAsync();
        await using var system = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        Assert.Equal(await system.Contributions.CountAsync(c => c.CountyId == counties[0].Id), countA);
        Assert.Equal(await system.Contributions.CountAsync(c => c.CountyId == counties[1].Id), countB);
        Assert.NotEqual(countA, countB);

        // The same SQL text for both scopes: the county ids travel as parameters, not as literals of the model.
        static string Sql(IQueryable<object> query) =>
            string.Join(
                '\n',
                query
                    .ToQueryString()
                    .Split('\n')
                    .Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("--", StringComparison.Ordinal))
            );
        Assert.Equal(Sql(a.Contributions), Sql(b.Contributions));
        Assert.Contains("@", Sql(a.Contributions));
    }

    [Fact]
    public async Task A_context_nobody_gave_a_scope_sees_nothing()
    {
        await using var raw = Services.GetRequiredService<IDbContextFactory<SqliteWelfareDbContext>>().CreateDbContext();
        Assert.Same(WelfareScope.Nothing, raw.Scope);
        Assert.Equal(0, await raw.Contributions.CountAsync());
        Assert.Equal(0, await raw.Provinces.CountAsync());

        // The caller factory outside any request (a background job that forgot to say who it works for).
        await using var caller = Services.GetRequiredService<IDbContextFactory<WelfareDbContext>>().CreateDbContext();
        Assert.Equal(0, await caller.Households.CountAsync());
        Assert.Equal(0, await caller.Counties.CountAsync());
    }

    [Fact]
    public async Task The_system_scope_is_refused_inside_a_request_and_a_scope_is_set_once()
    {
        var accessor = Services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext();
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext()
            );
            Assert.Contains("caller's scope", error.Message);
        }
        finally
        {
            accessor.HttpContext = null;
        }

        await using var db = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        Assert.Throws<InvalidOperationException>(() => db.Scope = WelfareScope.Nothing);
        Assert.Same(WelfareScope.System, db.Scope);
    }

    [Fact]
    public async Task Writes_outside_the_scope_are_refused()
    {
        var (a, _, counties) = await TwoScopedContextsAsync();
        await using var db = a;

        db.Charities.Add(
            new Charity
            {
                Code = "CH-TEST-OUT",
                Name = "خارج",
                LicenceNo = "X",
                CountyId = counties[1].Id,
            }
        );
        var refused = await Assert.ThrowsAsync<ExecutionError>(() => db.SaveChangesAsync());
        Assert.Equal("AUTH_OUT_OF_SCOPE", refused.Code);
        db.ChangeTracker.Clear();

        var own = new Charity
        {
            Code = "CH-TEST-IN",
            Name = "داخل",
            LicenceNo = "Y",
            CountyId = counties[0].Id,
        };
        db.Charities.Add(own);
        await db.SaveChangesAsync();

        // Moving one's own row into another county is a write there too.
        own.CountyId = counties[1].Id;
        Assert.Equal("AUTH_OUT_OF_SCOPE", (await Assert.ThrowsAsync<ExecutionError>(() => db.SaveChangesAsync())).Code);
        db.ChangeTracker.Clear();

        // Provinces are national reference data; a county needs its whole province in scope.
        db.Provinces.Update(
            new Province
            {
                Id = counties[0].ProvinceId,
                Code = "IR-19",
                NameFa = "زنجان",
                NameEn = "Renamed",
            }
        );
        Assert.Equal("AUTH_OUT_OF_SCOPE", (await Assert.ThrowsAsync<ExecutionError>(() => db.SaveChangesAsync())).Code);
        db.ChangeTracker.Clear();
        db.Counties.Add(
            new County
            {
                Code = "IR-19-99",
                NameFa = "تازه",
                NameEn = "New",
                ProvinceId = counties[0].ProvinceId,
            }
        );
        Assert.Equal("AUTH_OUT_OF_SCOPE", (await Assert.ThrowsAsync<ExecutionError>(() => db.SaveChangesAsync())).Code);
        db.ChangeTracker.Clear();

        await using var system = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        Assert.False(await system.Charities.AnyAsync(c => c.Code == "CH-TEST-OUT"));
        Assert.Equal(counties[0].Id, (await system.Charities.SingleAsync(c => c.Code == "CH-TEST-IN")).CountyId);
        await system.Charities.Where(c => c.Code == "CH-TEST-IN").ExecuteDeleteAsync();
    }

    [Fact]
    public async Task Set_based_updates_touch_only_rows_in_scope()
    {
        var (a, _, counties) = await TwoScopedContextsAsync();
        await using var db = a;
        var touched = await db.Centers.ExecuteUpdateAsync(s => s.SetProperty(c => c.Residents, c => c.Residents));
        await using var system = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        Assert.Equal(await system.Centers.CountAsync(c => c.CountyId == counties[0].Id), touched);
        Assert.True(touched < await system.Centers.CountAsync());
    }

    [Fact]
    public async Task The_scope_filter_cannot_be_switched_off()
    {
        var (a, _, _) = await TwoScopedContextsAsync();
        await using var db = a;
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Contributions.IgnoreQueryFilters().CountAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Contributions.IgnoreQueryFilters([ScopeFilters.Name]).CountAsync());
        // Other named filters may be set aside; the scope still holds.
        Assert.Equal(await db.Contributions.CountAsync(), await db.Contributions.IgnoreQueryFilters(["SomethingElse"]).CountAsync());
    }

    [Theory]
    [InlineData(new[] { "IR-19" }, false, "IR-19")]
    [InlineData(new[] { "IR-19 IR-23-02" }, false, "IR-19 IR-23-02")]
    [InlineData(new[] { "IR-19", "IR-19-03" }, false, "IR-19")]
    [InlineData(new[] { "ir-07-01", "junk", "IR-7" }, false, "IR-07-01")]
    [InlineData(new[] { "IR-19", "IR" }, true, "IR")]
    [InlineData(new[] { "[\"IR-19\",\"IR-23\"]" }, false, "IR-19 IR-23")]
    [InlineData(new string[0], false, "")]
    public void The_scope_claim_reads_arrays_and_space_separated_codes_and_ignores_the_rest(string[] values, bool national, string codes)
    {
        var parsed = ScopeClaim.Parse(values);
        Assert.Equal(national, parsed.National);
        Assert.Equal(codes, string.Join(' ', parsed.All));
    }
}
