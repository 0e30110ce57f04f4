using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContactCenter.Web.Security;

/// <summary>Registration of the site-wide data-protection key ring.</summary>
public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application name every web node protects under; with the default (the content root path) nodes
    /// installed in different folders could not read each other's cookies even with shared keys.</summary>
    public const string ApplicationName = "ContactCenter";

    /// <summary>Keeps the data-protection keys in PostgreSQL (<see cref="PostgresXmlRepository"/>) under
    /// <see cref="ApplicationName"/>, so that cookies and bearer tokens issued by any web node are accepted by every
    /// other. Without it each process keeps its own keys (in memory or in its user profile), which is right for one
    /// node only.</summary>
    public static IServiceCollection AddPostgresDataProtectionKeys(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
        return services;
    }
}
