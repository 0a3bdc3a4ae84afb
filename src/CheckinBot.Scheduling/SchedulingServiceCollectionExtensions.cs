using CheckinBot.Core.Clock;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CheckinBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The bot's clock, the planner and delivery, and Quartz with its persistent store on the same database
    /// (clustered on PostgreSQL; Quartz refuses clustering on SQLite).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, SchedulingOptions options, bool postgres, string connectionString)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new TravellingClock(TimeProvider.System));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<TravellingClock>());
        services.AddSingleton<ClockRunner>();
        services.AddSingleton<IClockControl>(sp => sp.GetRequiredService<ClockRunner>());
        services.AddScoped<OccurrencePlanner>();
        services.AddScoped<OccurrenceDelivery>();
        services.AddScoped<DeliveryCycle>();
        services.AddScoped<Schedule>();

        if (!options.RunScheduler)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "CheckinBot";
                s.GenerateInstanceId = true;
            });

            // Quartz runs on real time; the job asks the bot's clock for "now".
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    // A node that stops checking in is found dead within seconds, and the minute's job it was running is
                    // recovered on another node (RequestRecovery below), which then takes over its expired leases.
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(5);
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.ProvisionSchema();
            });

            q.ScheduleJob<PlanAndDeliverJob>(
                trigger => trigger.WithIdentity("every-minute", "checkinbot").WithCronSchedule("0 * * * * ?"),
                job => job.WithIdentity(PlanAndDeliverJob.Key).DisallowConcurrentExecution(true).RequestRecovery(true));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
