namespace NanoFleet.Provisioning
{
    /// <summary>The fields of a /rejected response.</summary>
    internal sealed class ErrorResponseFields : IFieldSink
    {
        private bool _hasStatus;
        private int _statusCode;
        private string? _errorCode;
        private string? _errorMessage;

        public bool ReadField(IPayloadSource source, FpReadError error)
        {
            if (source.KeyEquals(FpPayloadKeys.StatusCode))
            {
                if (_hasStatus)
                {
                    return FieldReading.Duplicate(source, FpPayloadKeys.StatusCode, error);
                }

                _hasStatus = true;
                bool ok = source.ReadInt32(out _statusCode);
                error.SetFieldIfEmpty(FpPayloadKeys.StatusCode);
                return ok;
            }

            if (source.KeyEquals(FpPayloadKeys.ErrorCode))
            {
                return FieldReading.ReadTextOnce(source, FpPayloadKeys.ErrorCode, ref _errorCode, error);
            }

            if (source.KeyEquals(FpPayloadKeys.ErrorMessage))
            {
                return FieldReading.ReadTextOnce(source, FpPayloadKeys.ErrorMessage, ref _errorMessage, error);
            }

            return source.SkipValue();
        }

        /// <summary>True when statusCode and errorCode came (errorMessage is optional).</summary>
        public bool IsComplete(FpReadError error)
        {
            if (!_hasStatus)
            {
                error.Set(FpReadErrorKind.MissingField, FpPayloadKeys.StatusCode, -1);
                return false;
            }

            return FieldReading.Require(_errorCode, FpPayloadKeys.ErrorCode, error);
        }

        /// <summary>Fills the result (after <see cref="IsComplete"/>).</summary>
        public void CopyTo(ErrorResponse result)
        {
            result.StatusCode = _statusCode;
            result.ErrorCode = _errorCode!;
            result.ErrorMessage = _errorMessage ?? "";
        }
    }
}
