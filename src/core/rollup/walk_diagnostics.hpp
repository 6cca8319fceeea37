#pragma once
// The diagnostics of one walk (core/rollup/stream.hpp), given back in the
// order a whole-batch load prints them (Diagnostics::sort_by_location over
// every stage), without holding them all: a plan's own warnings from the
// checks (lint, data that looks wrong) are the ones that grow with the
// units (the generated national plans have two each), so they go to a
// temporary file as each file is done and are merged back in their place
// when printed. What else is found (load and attach errors, derived values,
// warnings in data files that many plans share) is held, as before: it is
// bounded per file, and without errors it is rare.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/util/diagnostic.hpp"

namespace plancheck {

class TempFile;

// What a file of the walk is: a plan (loaded or not) or a data file.
enum class FileRole { Plan, Data };

// One file's diagnostics as they are printed: sorted, "… and N more" last.
struct FileDiagnostics {
  std::string file;              // as the diagnostics name it (diagnostic_file_name)
  std::optional<FileRole> role;  // none: not a file of the walk (a directory that could not be read)
  std::vector<Diagnostic> items;
};

class WalkDiagnostics {
 public:
  WalkDiagnostics();
  ~WalkDiagnostics();
  WalkDiagnostics(WalkDiagnostics&&) noexcept;
  WalkDiagnostics& operator=(WalkDiagnostics&&) noexcept;

  // --- Written by the walk, in its order. ---
  // A file of the walk, with what each stage found while it was worked on:
  // loading it, attaching values to its plan (its own and its data's),
  // deriving values, and the checks of its plan.
  void file(const std::string& name, FileRole role, const Diagnostics& load, const Diagnostics& attach = {},
            const Diagnostics& derive = {}, const Diagnostics& check = {});
  // What is found beside the files (listing directories; data without a plan).
  Diagnostics& load_stage() { return load_; }
  Diagnostics& attach_stage() { return attach_; }
  // An error in any stage, reported or not (the walk then shows no more units).
  bool any_errors() const;

  // --- Read once the walk is over (the first `each` or `each_file` moves
  // what is held into print order: the walk must not write after it). ---
  // Stages are reported as a whole-batch load reports them: derived values
  // only when loading and attaching found no error, the checks only when
  // nothing before them did.
  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  std::size_t files() const { return files_; }  // files of the walk, plans and data
  std::size_t plan_files() const { return plan_files_; }

  // Every diagnostic, in print order: files by first appearance (stage by
  // stage), within a file by sheet, line and column, "… and N more" last.
  void each(const std::function<void(const Diagnostic&)>& f);
  // Every file of the walk in walk order, with its diagnostics as `each`
  // gives them (none for a clean file); then the places with diagnostics
  // that are not files of the walk, in print order.
  void each_file(const std::function<void(const FileDiagnostics&)>& f);

 private:
  class Spill;
  struct Sorted;
  struct Reported {
    std::size_t errors = 0, warnings = 0;
    bool any_errors = false, checks = false;
  };
  Reported reported() const;
  const Sorted& sorted();
  void keep_check(const Diagnostic& d);

  std::size_t files_ = 0, plan_files_ = 0;
  Diagnostics load_, attach_, derive_;
  // Check diagnostics held in memory, before and after the first one spilled
  // (where that one is decides nothing but the rank of the empty sheet
  // name, kept exact all the same).
  Diagnostics check_early_, check_late_;
  // Per file held in memory from the checks: how many plans' own warnings
  // were spilled before it first came.
  std::unordered_map<std::string, std::uint64_t> check_first_;
  std::uint64_t spilled_parts_ = 0;  // plans whose own check warnings were spilled
  std::size_t check_errors_ = 0, check_warnings_ = 0;
  std::unique_ptr<Spill> spill_;  // every file of the walk, with its spilled part
  std::unique_ptr<Sorted> sorted_;  // what was held, in print order, once read
};

}  // namespace plancheck
