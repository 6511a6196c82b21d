using System;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>What RegisterThing does to a property of a resource that already exists.</summary>
    internal enum OverrideSetting
    {
        /// <summary>Keep the existing value (AWS's default).</summary>
        DoNothing,

        /// <summary>Overwrite with the template's value.</summary>
        Replace,

        /// <summary>Fail the request with ResourceConflictsException.</summary>
        Fail,

        /// <summary>Union (AttributePayload and ThingGroups only).</summary>
        Merge,
    }

    internal static class OverrideSettings
    {
        public static bool TryParse(string text, out OverrideSetting setting)
        {
            switch (text)
            {
                case "DO_NOTHING": setting = OverrideSetting.DoNothing; return true;
                case "REPLACE": setting = OverrideSetting.Replace; return true;
                case "FAIL": setting = OverrideSetting.Fail; return true;
                case "MERGE": setting = OverrideSetting.Merge; return true;
                default: setting = OverrideSetting.DoNothing; return false;
            }
        }

        /// <summary>The property a setting key names: the docs' prose says ATTRIBUTE_PAYLOAD, the examples AttributePayload.</summary>
        public static string? PropertyOf(string key) => key switch
        {
            "AttributePayload" or "ATTRIBUTE_PAYLOAD" => "AttributePayload",
            "ThingTypeName" or "THING_TYPE_NAME" => "ThingTypeName",
            "ThingGroups" or "THING_GROUPS" => "ThingGroups",
            "Status" or "STATUS" => "Status",
            _ => null,
        };
    }
}
