using System.Reflection.Metadata;

namespace NanoFleet.IlCheck
{
    /// <summary>Readable names for metadata handles, so a violation names the member to fix.</summary>
    internal sealed class MemberNames
    {
        private readonly MetadataReader _md;

        public MemberNames(MetadataReader md)
        {
            _md = md;
        }

        public string Of(TypeDefinitionHandle handle)
        {
            var type = _md.GetTypeDefinition(handle);
            string name = _md.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil) return Of(declaring) + "+" + name;
            string ns = _md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string Of(TypeSpecificationHandle handle)
        {
            return _md.GetTypeSpecification(handle).DecodeSignature(new TypeNameProvider(_md), null);
        }

        public string Of(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return Of((TypeDefinitionHandle)handle);
                case HandleKind.TypeReference:
                {
                    var reference = _md.GetTypeReference((TypeReferenceHandle)handle);
                    string ns = _md.GetString(reference.Namespace);
                    string name = _md.GetString(reference.Name);
                    return ns.Length == 0 ? name : ns + "." + name;
                }

                case HandleKind.TypeSpecification:
                    return Of((TypeSpecificationHandle)handle);
                default:
                    return handle.Kind.ToString();
            }
        }

        public string OfMethod(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                {
                    var method = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return Of(method.GetDeclaringType()) + "." + _md.GetString(method.Name);
                }

                case HandleKind.MemberReference:
                {
                    var member = _md.GetMemberReference((MemberReferenceHandle)handle);
                    return Of(member.Parent) + "." + _md.GetString(member.Name);
                }

                default:
                    return handle.Kind.ToString();
            }
        }
    }
}
