;;; emacs-check.el --- Checks mlopt-mode on sample.mlopt -*- lexical-binding: t; -*-

;; Run by run.sh as:
;;   emacs --batch -Q -l ../emacs/mlopt-mode.el -l emacs-check.el --eval '(mlopt-check "sample.mlopt")'
;; Checks font-lock faces and that re-indenting the canonical layout changes nothing; exits 1 on
;; any failure.

;;; Code:

(defvar mlopt-check-failures nil "What went wrong, newest first.")

(defun mlopt-check--face (pattern offset)
  "The face OFFSET characters into the first match of PATTERN, or `not-found'."
  (goto-char (point-min))
  (if (re-search-forward pattern nil t)
      (let ((face (get-text-property (+ (match-beginning 0) offset) 'face)))
        (if (consp face) (car face) face))
    'not-found))

(defun mlopt-check--expect (pattern offset face)
  "Record a failure unless the text OFFSET into PATTERN's first match has FACE."
  (let ((actual (mlopt-check--face pattern offset)))
    (unless (eq actual face)
      (push (format "%s (+%d): %s, expected %s" pattern offset actual face) mlopt-check-failures))))

(defun mlopt-check (file)
  "Check highlighting and indentation of FILE in `mlopt-mode', then exit."
  (find-file file)
  (unless (eq major-mode 'mlopt-mode)
    (push (format "auto-mode-alist chose %s" major-mode) mlopt-check-failures))
  (mlopt-mode)
  (font-lock-set-defaults)
  (font-lock-ensure)
  (mlopt-check--expect "^data" 0 'font-lock-keyword-face)
  (mlopt-check--expect "^train net" 0 'font-lock-keyword-face)
  (mlopt-check--expect " on train" 1 'font-lock-keyword-face)
  (mlopt-check--expect "fit train" 0 'font-lock-keyword-face)
  (mlopt-check--expect "loss: ce" 0 'font-lock-variable-name-face)
  (mlopt-check--expect "optimizer: opt" 0 'font-lock-variable-name-face)
  (mlopt-check--expect "1e-3" 0 'font-lock-constant-face)
  (mlopt-check--expect "1e-3" 3 'font-lock-constant-face)
  (mlopt-check--expect "\\.5e-4" 0 'font-lock-constant-face)
  (mlopt-check--expect "1_000" 0 'font-lock-constant-face)
  (mlopt-check--expect "\"data/" 1 'font-lock-string-face)
  (mlopt-check--expect "get\", task" 0 'font-lock-string-face)
  (mlopt-check--expect "# A sample" 2 'font-lock-comment-face)
  (mlopt-check--expect "# hidden" 2 'font-lock-comment-face)
  (mlopt-check--expect "true" 0 'font-lock-constant-face)
  (mlopt-check--expect "adam(" 0 'font-lock-builtin-face)
  (mlopt-check--expect "custom_step(" 0 'font-lock-function-name-face)
  (let ((before (buffer-string)))
    (indent-region (point-min) (point-max))
    (unless (string= before (buffer-string))
      (let ((old (split-string before "\n"))
            (new (split-string (buffer-string) "\n"))
            (line 1))
        (while (and old new)
          (unless (string= (car old) (car new))
            (push (format "indent line %d: %S became %S" line (car old) (car new)) mlopt-check-failures))
          (setq old (cdr old) new (cdr new) line (1+ line))))))
  (dolist (failure (reverse mlopt-check-failures))
    (message "  %s" failure))
  (kill-emacs (if mlopt-check-failures 1 0)))

;;; emacs-check.el ends here
