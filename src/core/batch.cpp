#include "core/batch.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "core/derived.hpp"
#include "core/loader.hpp"

namespace plancheck {
namespace fs = std::filesystem;

namespace {

bool has_data_extension(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".csv";
}

void expand_directory(const std::string& dir, std::vector<std::string>& out, Diagnostics& diags) {
  std::vector<std::string> found;
  std::error_code ec;
  // Symlinked directories are not followed, so a symlink loop cannot recurse.
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && has_data_extension(it->path())) found.push_back(it->path().generic_string());
  }
  if (ec) diags.error({dir, 0, 0}, fmt::format("cannot read directory: {}", ec.message()));
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
}

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({path, 0, 0}, fmt::format("cannot open file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

bool is_csv(const std::string& path) { return fs::path(path).extension() == ".csv"; }

struct Loaded {
  std::vector<Plan> plans;
  std::vector<std::vector<RawValue>> inline_values;  // per plan
  std::vector<DataFile> data;
};

void load_one(const std::string& path, const BatchInput& input, Loaded& loaded, Diagnostics& diags) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  std::optional<std::string> text = from_stdin ? input.stdin_text : read_file(path, diags);
  if (!text) return;
  if (is_csv(path)) {
    if (auto data = load_csv_data(*text, name, diags)) loaded.data.push_back(std::move(*data));
    return;
  }
  LoadedDocument doc = load_yaml_document(*text, name, diags);
  if (doc.plan) {
    loaded.plans.push_back(std::move(*doc.plan));
    loaded.inline_values.push_back(std::move(doc.inline_values));
  }
  if (doc.data) loaded.data.push_back(std::move(*doc.data));
}

void check_unique_units(const std::vector<Plan>& plans, Diagnostics& diags) {
  for (std::size_t i = 0; i < plans.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!plans[i].unit.id.empty() && plans[i].unit.id == plans[j].unit.id) {
        diags.error(plans[i].unit.where, fmt::format("unit id \"{}\" is also the unit of {}; each unit needs "
                                                     "exactly one plan in a batch", plans[i].unit.id, plans[j].file));
        break;
      }
}

// Data values go to the plan of their unit; a unit without a plan is an error.
void match_data(Loaded& loaded, Diagnostics& diags) {
  for (const DataFile& data : loaded.data) {
    std::vector<std::pair<Plan*, std::vector<RawValue>>> groups;
    for (const auto& [unit, raw] : data.values) {
      auto plan = std::find_if(loaded.plans.begin(), loaded.plans.end(), [&](const Plan& p) { return p.unit.id == unit; });
      if (plan == loaded.plans.end()) {
        diags.error(data.unit.empty() ? raw.where : data.unit_where,
                    fmt::format("data for unit \"{}\", but no plan in this batch has that unit id", unit));
        if (!data.unit.empty()) break;  // one message per YAML data file
        continue;
      }
      auto g = std::find_if(groups.begin(), groups.end(), [&](auto& gr) { return gr.first == &*plan; });
      if (g == groups.end()) g = groups.insert(groups.end(), {&*plan, {}});
      g->second.push_back(raw);
    }
    for (auto& [plan, values] : groups) attach_values(*plan, values, diags);
  }
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec))
      expand_directory(p, out, diags);
    else
      out.push_back(p);
  }
  return out;
}

Batch load_batch(const BatchInput& input, Diagnostics& diags) {
  std::vector<std::string> all = input.paths;
  all.insert(all.end(), input.data_paths.begin(), input.data_paths.end());
  Loaded loaded;
  for (const std::string& path : expand_paths(all, diags)) load_one(path, input, loaded, diags);
  check_unique_units(loaded.plans, diags);
  for (std::size_t i = 0; i < loaded.plans.size(); ++i) attach_values(loaded.plans[i], loaded.inline_values[i], diags);
  match_data(loaded, diags);
  if (!diags.has_errors())
    for (Plan& plan : loaded.plans) derive_values(plan, diags);
  return Batch{std::move(loaded.plans)};
}

}  // namespace plancheck
