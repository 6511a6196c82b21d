using System.Reflection.Metadata;

namespace NanoFleet.IlCheck
{
    /// <summary>
    /// Scans ECMA-335 signature blobs for the two element types the nanoCLR cannot handle:
    /// GENERICINST (0x15) and ARRAY (0x14, multi-dimensional). A byte scan would misread compressed
    /// integers and tokens, so this walks the grammar (II.23.2).
    /// </summary>
    internal static class SignatureShape
    {
        public const int Other = 0;
        public const int GenericInstance = 1;
        public const int MultiDimensionalArray = 2;

        /// <summary>Classifies a TypeSpec blob by its first element type.</summary>
        public static int Of(BlobReader blob)
        {
            var code = (SignatureTypeCode)blob.ReadByte();
            return code switch
            {
                SignatureTypeCode.GenericTypeInstance => GenericInstance,
                SignatureTypeCode.Array => MultiDimensionalArray,
                _ => Contains(blob, code, GenericInstance) ? GenericInstance
                    : Contains(blob, code, MultiDimensionalArray) ? MultiDimensionalArray : Other,
            };
        }

        /// <summary>True when a field, method, property or local-variable signature contains <paramref name="shape"/>.</summary>
        public static bool Contains(BlobReader blob, int shape)
        {
            {
                var header = blob.ReadSignatureHeader();
                switch (header.Kind)
                {
                    case SignatureKind.Field:
                        return TypeContains(ref blob, shape);
                    case SignatureKind.LocalVariables:
                    {
                        int count = blob.ReadCompressedInteger();
                        for (int i = 0; i < count; i++)
                        {
                            if (TypeContains(ref blob, shape)) return true;
                        }

                        return false;
                    }

                    case SignatureKind.Method:
                    case SignatureKind.Property:
                    {
                        if (header.IsGeneric) blob.ReadCompressedInteger();
                        int count = blob.ReadCompressedInteger();
                        for (int i = 0; i <= count; i++) // return type + parameters
                        {
                            if (TypeContains(ref blob, shape)) return true;
                        }

                        return false;
                    }

                    default:
                        return false;
                }
            }
        }

        private static bool Contains(BlobReader rest, SignatureTypeCode first, int shape)
        {
            return TypeContains(ref rest, shape, first);
        }

        private static bool TypeContains(ref BlobReader blob, int shape, SignatureTypeCode? already = null)
        {
            var code = already ?? (SignatureTypeCode)blob.ReadByte();
            switch (code)
            {
                case SignatureTypeCode.GenericTypeInstance:
                    if (shape == GenericInstance) return true;
                    blob.ReadByte(); // CLASS or VALUETYPE
                    blob.ReadTypeHandle();
                    int args = blob.ReadCompressedInteger();
                    for (int i = 0; i < args; i++)
                    {
                        if (TypeContains(ref blob, shape)) return true;
                    }

                    return false;
                case SignatureTypeCode.Array:
                    if (shape == MultiDimensionalArray) return true;
                    if (TypeContains(ref blob, shape)) return true;
                    blob.ReadCompressedInteger(); // rank
                    int sizes = blob.ReadCompressedInteger();
                    for (int i = 0; i < sizes; i++) blob.ReadCompressedInteger();
                    int bounds = blob.ReadCompressedInteger();
                    for (int i = 0; i < bounds; i++) blob.ReadCompressedSignedInteger();
                    return false;
                case SignatureTypeCode.SZArray:
                case SignatureTypeCode.Pointer:
                case SignatureTypeCode.ByReference:
                case SignatureTypeCode.Pinned:
                    return TypeContains(ref blob, shape);
                case SignatureTypeCode.RequiredModifier:
                case SignatureTypeCode.OptionalModifier:
                    blob.ReadTypeHandle();
                    return TypeContains(ref blob, shape);
                case SignatureTypeCode.Sentinel:
                    return TypeContains(ref blob, shape);
                case SignatureTypeCode.TypeHandle:
                case (SignatureTypeCode)0x11: // VALUETYPE
                case (SignatureTypeCode)0x12: // CLASS: SignatureTypeCode folds both into TypeHandle (0x40), the raw blob has these
                    blob.ReadTypeHandle();
                    return false;
                case SignatureTypeCode.GenericTypeParameter:
                case SignatureTypeCode.GenericMethodParameter:
                    blob.ReadCompressedInteger();
                    return false;
                case SignatureTypeCode.FunctionPointer:
                {
                    var header = blob.ReadSignatureHeader();
                    if (header.IsGeneric) blob.ReadCompressedInteger();
                    int count = blob.ReadCompressedInteger();
                    for (int i = 0; i <= count; i++)
                    {
                        if (TypeContains(ref blob, shape)) return true;
                    }

                    return false;
                }

                default:
                    return false; // primitives, string, object, typedref
            }
        }
    }
}
