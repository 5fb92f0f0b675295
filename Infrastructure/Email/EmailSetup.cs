namespace Waitlist.Infrastructure.Email;

public static class EmailSetup
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSettings<SmtpSettings>("Smtp");
        services.AddSettings<OutboxSettings>("EmailOutbox");
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<EmailTemplates>();
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxPoller>();
        return services;
    }
}
