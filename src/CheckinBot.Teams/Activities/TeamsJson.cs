using System.Text.Json;
using System.Text.Json.Serialization;
using CheckinBot.Teams.References;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// The adapter's JSON, generated at build time: reading an activity and writing a reference costs no reflection. Web
/// defaults (camelCase, names matched without regard to case), as the Bot Framework writes them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationReference))]
internal sealed partial class TeamsJson : JsonSerializerContext;
