using System.Text.Json.Serialization;

namespace StampSim.Config;

/// <summary>
/// Generated serialization metadata for the records <see cref="ConfigJson"/> writes (every command's effective
/// configuration), so a short command does not build it by reflection and compile that on start-up.
/// </summary>
[JsonSerializable(typeof(StampConfig))]
[JsonSerializable(typeof(Hardware.AcceleratorConfig))]
[JsonSerializable(typeof(Numerics.NumericsConfig))]
[JsonSerializable(typeof(Numerics.ModelPolicy))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
