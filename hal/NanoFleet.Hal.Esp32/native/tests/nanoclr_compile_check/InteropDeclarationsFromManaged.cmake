# Derives, from the managed InternalCall declarations, the struct the glue defines its methods on,
# named by the MetadataProcessor's rules (metadata-processor
# MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs, GetClassName and GetMethodName):
#   struct Library_<NF_GenerateSkeletonProjectName>_<Namespace_Class>
#   { NANOCLR_NATIVE_DECLARE(<Method>___[STATIC__]<RETURN>__<ARG>...); };
# The skeleton generator itself cannot run here (it needs mustache-sharp), so the header this writes
# stands in for the declarations of the generated one, and only for this compile check.

# C# keyword -> nanoCLR data type (nanoSignaturesTable.PrimitiveTypes without DATATYPE_).
set(_nanoclr_type_void VOID)
set(_nanoclr_type_bool BOOLEAN)
set(_nanoclr_type_char CHAR)
set(_nanoclr_type_sbyte I1)
set(_nanoclr_type_byte U1)
set(_nanoclr_type_short I2)
set(_nanoclr_type_ushort U2)
set(_nanoclr_type_int I4)
set(_nanoclr_type_uint U4)
set(_nanoclr_type_long I8)
set(_nanoclr_type_ulong U8)
set(_nanoclr_type_float R4)
set(_nanoclr_type_double R8)
set(_nanoclr_type_string STRING)
set(_nanoclr_type_object OBJECT)

# "int", "byte[]", "ref int" -> I4, SZARRAY_U1, BYREF_I4. Any other type fails: a class-typed
# argument needs a naming rule this file does not know yet, and a guess would compile a wrong name.
function(_nanoclr_type_name csharp_type out_var)
    set(prefix "")
    if(csharp_type MATCHES "^(ref|out) +(.+)$")
        set(prefix "BYREF_")
        set(csharp_type "${CMAKE_MATCH_2}")
    endif()
    if(csharp_type MATCHES "^(.+)ARRAY_OF$")
        string(APPEND prefix "SZARRAY_")
        set(csharp_type "${CMAKE_MATCH_1}")
    endif()
    if(NOT DEFINED _nanoclr_type_${csharp_type})
        message(FATAL_ERROR "No nanoCLR stub name for the C# type '${csharp_type}' in an InternalCall signature: extend ${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
    endif()
    set(${out_var} "${prefix}${_nanoclr_type_${csharp_type}}" PARENT_SCOPE)
endfunction()

# Stub names (Method___STATIC__RET__ARGS) of every InternalCall method in managed_source, which must
# hold one class. Sets <prefix>_NAMESPACE, <prefix>_CLASS and <prefix>_METHODS.
function(_nanoclr_read_internal_calls managed_source prefix)
    file(READ "${managed_source}" source)
    # Square brackets split CMake lists unpredictably: spell the array suffix as a word first.
    string(REPLACE "[]" "ARRAY_OF" source "${source}")
    string(REPLACE "[MethodImpl(MethodImplOptions.InternalCall)]" "INTERNAL_CALL" source "${source}")
    # Any other spelling of the attribute would be missed silently: refuse it instead.
    if(source MATCHES "MethodImplOptions\\.InternalCall")
        message(FATAL_ERROR "${managed_source}: write each InternalCall attribute as [MethodImpl(MethodImplOptions.InternalCall)]")
    endif()

    string(REGEX MATCHALL "(^|[^A-Za-z0-9_])class +[A-Za-z0-9_]+" classes "${source}")
    list(LENGTH classes class_count)
    if(NOT source MATCHES "namespace +([A-Za-z0-9_.]+)" OR NOT class_count EQUAL 1)
        message(FATAL_ERROR "${managed_source}: expected one namespace holding one class")
    endif()
    set(namespace "${CMAKE_MATCH_1}")
    string(REGEX REPLACE ".*class +" "" class "${classes}")

    string(REGEX MATCHALL "INTERNAL_CALL" markers "${source}")
    # Up to, not including, the ';' that ends each declaration: a ';' would split the list.
    string(REGEX MATCHALL "INTERNAL_CALL[ \t\r\n]+[a-z ]*extern [^;]*" declarations "${source}")
    list(LENGTH markers marker_count)
    list(LENGTH declarations declaration_count)
    if(marker_count EQUAL 0 OR NOT marker_count EQUAL declaration_count)
        message(FATAL_ERROR "${managed_source}: ${marker_count} InternalCall attributes but ${declaration_count} declarations read as '[modifiers] extern Type Name(args);'")
    endif()

    set(methods "")
    foreach(declaration IN LISTS declarations)
        if(NOT declaration MATCHES "extern +([A-Za-z0-9_]+) +([A-Za-z0-9_]+) *\\(([^)]*)\\)")
            message(FATAL_ERROR "${managed_source}: cannot read the signature of '${declaration}'")
        endif()
        set(method "${CMAKE_MATCH_2}")
        set(arguments "${CMAKE_MATCH_3}")
        _nanoclr_type_name("${CMAKE_MATCH_1}" return_type)
        set(name "${method}___")
        if(declaration MATCHES " static ")
            string(APPEND name "STATIC__")
        endif()
        string(APPEND name "${return_type}")

        string(REPLACE "," ";" arguments "${arguments}")
        foreach(argument IN LISTS arguments)
            string(STRIP "${argument}" argument)
            # Drop the parameter name: the stub name holds types only.
            string(REGEX REPLACE " +[A-Za-z0-9_]+$" "" argument_type "${argument}")
            _nanoclr_type_name("${argument_type}" argument_type)
            string(APPEND name "__${argument_type}")
        endforeach()
        list(APPEND methods "${name}")
    endforeach()

    set(${prefix}_NAMESPACE "${namespace}" PARENT_SCOPE)
    set(${prefix}_CLASS "${class}" PARENT_SCOPE)
    set(${prefix}_METHODS "${methods}" PARENT_SCOPE)
endfunction()

# Writes <OUTPUT_DIR>/<NF_GenerateSkeletonProjectName>.h, the name the generated header has,
# declaring the native methods of MANAGED_SOURCE on the struct the skeleton generator would name,
# and fails when GLUE does not define each of them (the compile catches the other direction: a
# definition that nothing declares).
function(write_interop_declarations_from_managed)
    cmake_parse_arguments(ARG "" "MANAGED_SOURCE;NFPROJ;GLUE;OUTPUT_DIR" "" ${ARGN})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ARG_MANAGED_SOURCE}" "${ARG_NFPROJ}" "${ARG_GLUE}")

    file(READ "${ARG_NFPROJ}" nfproj)
    if(NOT nfproj MATCHES "<NF_GenerateSkeletonProjectName>([A-Za-z0-9_]+)</NF_GenerateSkeletonProjectName>")
        message(FATAL_ERROR "${ARG_NFPROJ}: no NF_GenerateSkeletonProjectName")
    endif()
    set(skeleton "${CMAKE_MATCH_1}")

    _nanoclr_read_internal_calls("${ARG_MANAGED_SOURCE}" managed)
    string(REPLACE "." "_" class_name "${managed_NAMESPACE}_${managed_CLASS}")
    set(struct "Library_${skeleton}_${class_name}")

    file(READ "${ARG_GLUE}" glue)
    set(declarations "")
    foreach(method IN LISTS managed_METHODS)
        string(FIND "${glue}" "::${method}(CLR_RT_StackFrame &stack)" defined)
        if(defined EQUAL -1)
            message(FATAL_ERROR "${ARG_GLUE} does not define ${struct}::${method}, which ${ARG_MANAGED_SOURCE} declares as InternalCall")
        endif()
        string(APPEND declarations "    NANOCLR_NATIVE_DECLARE(${method});\n")
    endforeach()

    # A header left from an earlier skeleton name would let the glue compile against stale names.
    set(header "${ARG_OUTPUT_DIR}/${skeleton}.h")
    file(GLOB stale_headers "${ARG_OUTPUT_DIR}/*.h")
    list(REMOVE_ITEM stale_headers "${header}")
    if(stale_headers)
        file(REMOVE ${stale_headers})
    endif()

    string(TOUPPER "${skeleton}" guard)
    file(CONFIGURE OUTPUT "${header}" @ONLY CONTENT
"// Written by the NanoFleet native suite (tests/nanoclr_compile_check) from
// ${ARG_MANAGED_SOURCE}.
// NOT the MetadataProcessor's ${skeleton}.h: no native checksum, no method table, no field
// indexes. It declares the InternalCall methods with the generator's names so the glue compiles
// against the real nanoCLR headers. Never copy it into a nanoCLR build.
#ifndef ${guard}_H
#define ${guard}_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct ${struct}
{
${declarations}};

#endif
")
endfunction()
