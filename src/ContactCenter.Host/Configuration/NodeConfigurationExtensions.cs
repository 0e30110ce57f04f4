using System.Net;
using Microsoft.Extensions.Options;

namespace ContactCenter.Host.Configuration;

/// <summary>Reads, checks and applies the node's flags and configuration.</summary>
internal static class NodeConfigurationExtensions
{
    /// <summary>Adds the flags to the configuration (after appsettings.json and the environment, so they win), binds
    /// and validates <see cref="NodeOptions"/> and registers them. Throws <see cref="NodeConfigurationException"/> with
    /// every problem found: the rest of the start-up depends on these values, so they are checked now, not lazily.</summary>
    public static NodeOptions AddNodeConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var argumentErrors = NodeCommandLine.FindErrors(args);
        if (argumentErrors.Count > 0)
        {
            throw NodeConfigurationException.Invalid(argumentErrors);
        }
        builder.Configuration.AddCommandLine(args, NodeCommandLine.CreateSwitchMappings());

        var options = Bind(builder.Configuration);
        var result = new NodeOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw NodeConfigurationException.Invalid(result.Failures);
        }
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    }

    /// <summary>Kestrel listens on <c>http://{bind}:{http-port}</c> whatever the roles: every process serves its
    /// health endpoints. <c>Listen</c> replaces <c>--urls</c>/<c>ASPNETCORE_URLS</c>, so the node's flags are the one
    /// place its endpoint is set.</summary>
    public static WebApplicationBuilder ListenOnNodeHttpPort(this WebApplicationBuilder builder, NodeOptions node)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(node);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(node.Bind), node.HttpPort));
        return builder;
    }

    private static NodeOptions Bind(IConfiguration configuration)
    {
        var options = new NodeOptions();
        try
        {
            // Unknown keys under Node: are typos; say so rather than run on a default.
            configuration.GetSection(NodeOptions.SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key and type, not the value.
            throw NodeConfigurationException.Invalid([exception.Message], exception);
        }
        var connectionString = configuration.GetConnectionString(NodeOptions.ConnectionStringName);
        options.ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        return options;
    }
}
