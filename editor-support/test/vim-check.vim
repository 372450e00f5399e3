" Checks editor-support/vim on sample.mlopt: highlight groups (synIDattr) and indentation.
" Run by run.sh as: vim -u NONE -i NONE -N -es -S vim-check.vim sample.mlopt
" Writes failures to $MLOPT_VIM_RESULT and exits with :cquit when there are any.
let s:failures = []

" The highlight group at the first match of pattern (searched from the top, offset columns into it).
function! s:Expect(pattern, offset, group) abort
  call cursor(1, 1)
  let pos = searchpos(a:pattern, 'cW')
  if pos == [0, 0]
    call add(s:failures, 'not found: ' . a:pattern)
    return
  endif
  let name = synIDattr(synID(pos[0], pos[1] + a:offset, 1), 'name')
  if name !=# a:group
    call add(s:failures, printf('%s (line %d, col %d): %s, expected %s', a:pattern, pos[0], pos[1] + a:offset, name, a:group))
  endif
endfunction

call s:Expect('^data', 0, 'mloptStatement')
call s:Expect('^train net', 0, 'mloptStatement')
call s:Expect(' on train', 1, 'mloptKeyword')
call s:Expect('fit train', 0, 'mloptKeyword')
call s:Expect('loss: ce', 0, 'mloptKey')
call s:Expect('optimizer: opt', 0, 'mloptKey')
call s:Expect('train: 0.75', 0, 'mloptKey')
call s:Expect('1e-3', 0, 'mloptNumber')
call s:Expect('1e-3', 3, 'mloptNumber')
call s:Expect('\.5e-4', 0, 'mloptNumber')
call s:Expect('1_000', 0, 'mloptNumber')
call s:Expect('0\.75', 2, 'mloptNumber')
call s:Expect('"data/', 0, 'mloptString')
call s:Expect('\\"get', 0, 'mloptEscape')
call s:Expect('get", task', 3, 'mloptString')
call s:Expect('# A sample', 2, 'mloptComment')
call s:Expect('# hidden', 0, 'mloptComment')
call s:Expect('true', 0, 'mloptBoolean')
call s:Expect('false', 0, 'mloptBoolean')
call s:Expect('adam(', 0, 'mloptComponent')
call s:Expect('custom_step(', 0, 'mloptFunction')
call s:Expect('dense\[0\]', 0, '')
call s:Expect('net\.dense', 0, '')

" Indentation: re-indenting the canonical layout must change nothing.
let s:before = getline(1, '$')
normal! gg=G
let s:after = getline(1, '$')
for i in range(len(s:before))
  if s:before[i] !=# s:after[i]
    call add(s:failures, printf('indent line %d: %s became %s', i + 1, string(s:before[i]), string(s:after[i])))
  endif
endfor

call writefile(s:failures, $MLOPT_VIM_RESULT)
if empty(s:failures)
  qall!
endif
cquit!
