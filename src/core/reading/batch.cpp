#include "core/reading/batch.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <filesystem>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

#include "core/model/derived.hpp"
#include "core/reading/hints.hpp"
#include "core/reading/limits.hpp"
#include "core/util/parallel.hpp"
#include "core/reading/spreadsheet.hpp"
#include "core/reading/walk.hpp"
#include "core/util/suggest.hpp"

namespace plancheck {
namespace {

// Reads a plan or data file, at most one byte past the size limit whatever
// it is: a pipe, process substitution or device (/dev/zero) has no size to
// check first and may never end.
std::optional<std::string> read_file(const std::string& path, Diagnostics& diags) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.error({path, 0, 0}, msg("cannot open file: {}", Message::foreign(std::strerror(errno))));
    return std::nullopt;
  }
  struct stat st{};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && static_cast<std::uintmax_t>(st.st_size) > limits::kMaxFileBytes) {
    ::close(fd);
    diags.error({path, 1, 1}, file_too_large(static_cast<std::uintmax_t>(st.st_size)));
    return std::nullopt;
  }
  std::string text;
  if (regular) text.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  while (text.size() <= limits::kMaxFileBytes) {
    const ssize_t n = ::read(fd, chunk, std::min(sizeof chunk, limits::kMaxFileBytes + 1 - text.size()));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      diags.error({path, 0, 0}, msg("cannot read file: {}", Message::foreign(std::strerror(errno))));
      ::close(fd);
      return std::nullopt;
    }
    text.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;  // over the limit: check_encoding reports it
}

bool is_csv(const std::string& path) { return std::filesystem::path(path).extension() == ".csv"; }

struct Loaded {
  std::vector<Plan> plans;
  std::vector<std::vector<RawValue>> inline_values;  // per plan
  std::vector<DataFile> data;
};

// Plans by unit id; a second plan for the same unit is an error naming both.
std::unordered_map<std::string, Plan*> index_units(std::vector<Plan>& plans, Diagnostics& diags) {
  std::unordered_map<std::string, Plan*> by_id;
  for (Plan& p : plans) {
    if (p.unit.id.empty()) continue;
    const auto [it, fresh] = by_id.emplace(p.unit.id, &p);
    if (!fresh)
      diags.error(p.unit.where, msg("unit id \"{}\" is also the unit of {}; each unit needs exactly one plan in a batch",
                                    p.unit.id, it->second->file));
  }
  return by_id;
}

}  // namespace

Message no_plan_for_data(std::string_view unit, const std::optional<std::string>& suggestion) {
  return msg("data for unit \"{}\"{}, but no plan in this batch has that unit id", unit, did_you_mean(suggestion));
}

namespace {

// Data values go to the plan of their unit; a unit without a plan is an
// error, said once per data file and unit (at its first value), not once per
// row of a CSV file.
void match_data(Loaded& loaded, const std::unordered_map<std::string, Plan*>& by_id, Diagnostics& diags) {
  std::vector<std::string_view> ids;  // the plans' unit ids, for suggestions
  for (const DataFile& data : loaded.data) {
    std::vector<std::pair<Plan*, std::vector<RawValue>>> groups;
    std::unordered_set<std::string> reported;
    for (const auto& [unit, raw] : data.values) {
      const auto found = by_id.find(unit);
      if (found == by_id.end()) {
        if (reported.insert(unit).second) {
          if (ids.empty()) {
            for (const auto& [id, plan] : by_id) ids.push_back(id);
            std::sort(ids.begin(), ids.end());  // the same suggestion whatever the hash order
          }
          diags.error(data.unit.empty() ? raw.where : data.unit_where, no_plan_for_data(unit, closest_match(unit, ids)));
        }
        continue;
      }
      Plan* plan = found->second;
      auto g = std::find_if(groups.begin(), groups.end(), [&](auto& gr) { return gr.first == plan; });
      if (g == groups.end()) g = groups.insert(groups.end(), {plan, {}});
      g->second.push_back(raw);
    }
    for (auto& [plan, values] : groups) attach_values(*plan, values, diags);
  }
}

}  // namespace

std::string diagnostic_file_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

LoadedFile load_file(const std::string& path, const std::optional<std::string>& stdin_text) {
  // Test seam: PLANCHECK_TEST_BAD_ALLOC makes loading fail as an exhausted
  // heap would (ulimit -v cannot be used under AddressSanitizer).
  if (std::getenv("PLANCHECK_TEST_BAD_ALLOC")) throw std::bad_alloc();
  LoadedFile f;
  f.path = path;
  const bool from_stdin = path == "-";
  const std::string name = diagnostic_file_name(path);
  const std::optional<std::string> text = from_stdin ? stdin_text : read_file(path, f.diags);
  if (!text) return f;
  const bool spreadsheet = !from_stdin && spreadsheet_type(path) != SpreadsheetType::None;
  if (const auto other = spreadsheet ? std::nullopt : foreign_file(*text, from_stdin)) {
    f.diags.error({name, 1, 1}, *other);  // a workbook or a document where text was expected
    return f;
  }
  if (const SpreadsheetType sheet = from_stdin ? SpreadsheetType::None : spreadsheet_type(path);
      sheet != SpreadsheetType::None) {
    if (auto data = load_spreadsheet(sheet, *text, path, name, f.diags)) f.doc.data = std::move(*data);
    return f;
  }
  // stdin has no file extension to go by: CSV is recognised by its header.
  if (from_stdin ? looks_like_csv_data(*text) : is_csv(path)) {
    if (auto data = load_csv_data(*text, name, f.diags)) f.doc.data = std::move(*data);
    return f;
  }
  f.doc = load_yaml_document(*text, name, f.diags);
  return f;
}

Batch load_batch(const BatchInput& input, Diagnostics& diags) {
  std::vector<std::string> all = input.paths;
  all.insert(all.end(), input.data_paths.begin(), input.data_paths.end());
  PathWalker walker(all);
  Loaded loaded;
  parallel_ordered<std::string, LoadedFile>(
      worker_count(input.jobs), [&] { return walker.next(diags); },
      [&](const std::string& path) { return load_file(path, input.stdin_text); },
      [&](LoadedFile& f) {
        diags.append(f.diags);
        if (f.doc.plan) {
          loaded.plans.push_back(std::move(*f.doc.plan));
          loaded.inline_values.push_back(std::move(f.doc.inline_values));
        }
        if (f.doc.data) loaded.data.push_back(std::move(*f.doc.data));
      });
  const auto by_id = index_units(loaded.plans, diags);
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) attach_values(loaded.plans[i], loaded.inline_values[i], diags);
  match_data(loaded, by_id, diags);
  if (!diags.has_errors())
    for (Plan& plan : loaded.plans) derive_values(plan, diags);
  return Batch{std::move(loaded.plans)};
}

}  // namespace plancheck
