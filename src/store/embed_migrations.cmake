# Writes OUTPUT, a .cc defining Migrations() from the .sql files in DIR (sorted by name).
file(GLOB sql_files "${DIR}/*.sql")
list(SORT sql_files)
set(body "")
foreach(sql_file ${sql_files})
  get_filename_component(name ${sql_file} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR version "${number}")
  file(READ ${sql_file} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"acogida_sql(${sql})acogida_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from src/store/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"store/migrations.h\"

namespace acogida {

std::span<const Migration> Migrations() {
  static const Migration kMigrations[] = {
${body}  };
  return kMigrations;
}

}  // namespace acogida
")
configure_file(${OUTPUT}.tmp ${OUTPUT} COPYONLY)
