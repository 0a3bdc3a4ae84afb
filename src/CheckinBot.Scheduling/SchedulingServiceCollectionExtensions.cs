using CheckinBot.Core.Clock;
using CheckinBot.Core.Occurrences;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CheckinBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The bot's clock, the planner and delivery; the delivery loop that runs on every node; and Quartz, with its persistent
    /// store on the same database (clustered on PostgreSQL; Quartz refuses clustering on SQLite), for the planning that
    /// must run once a minute on one node.
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

        services.AddSingleton<DeliveryLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryLoop>());
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
                    // A node that stops checking in is found dead within seconds, and the minute's planning it was running
                    // is recovered on another node (RequestRecovery below). Its deliveries need no Quartz: the other
                    // nodes' delivery loops take them over when their leases run out.
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

            q.ScheduleJob<PlanningJob>(
                trigger => trigger.WithIdentity("every-minute", "checkinbot").WithCronSchedule("0 * * * * ?"),
                job => job.WithIdentity(PlanningJob.Key).DisallowConcurrentExecution(true).RequestRecovery(true));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
