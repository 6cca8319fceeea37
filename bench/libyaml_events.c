/* The floor no YAML tool can beat: libyaml's event parser alone, one
   thread, every file under DIR, each event counted and dropped. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long events, files;

static void parse_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) return;
  yaml_parser_t parser;
  yaml_event_t event;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_file(&parser, f);
  for (;;) {
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s: parse error\n", path);
      break;
    }
    const int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
    if (done) break;
  }
  yaml_parser_delete(&parser);
  fclose(f);
  ++files;
}

static void walk(const char* dir) {
  DIR* d = opendir(dir);
  if (!d) return;
  struct dirent* e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode))
      walk(path);
    else if (strlen(path) > 5 && strcmp(path + strlen(path) - 5, ".yaml") == 0)
      parse_file(path);
  }
  closedir(d);
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: libyaml_events DIR\n");
    return 2;
  }
  walk(argv[1]);
  printf("%lu files, %lu events\n", files, events);
  return 0;
}
