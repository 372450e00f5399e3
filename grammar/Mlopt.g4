// The mlopt language. The parser builds a parse tree that org.mlopt.parse.AstBuilder turns
// into the immutable AST; nothing else in the code base sees ANTLR types.
grammar Mlopt;

program : statement* EOF ;

statement
    : DATA name=ident EQ source=call                                          # dataStmt
    | SPLIT dataset=ident ARROW parts+=splitPart (COMMA parts+=splitPart)* block?  # splitStmt
    | PREPROCESS steps+=call (COMMA steps+=call)* FIT fitOn=ident                 # preprocessStmt
    | MODEL name=ident EQ spec=call                                           # modelStmt
    | NETWORK name=ident block                                                 # networkStmt
    | kind=declKind name=ident EQ spec=call                                   # declStmt
    | TRAIN target=ident ON dataset=ident block?                               # trainStmt
    | EVALUATE targets+=ident (COMMA targets+=ident)* ON dataset=ident COLON metrics=value  # evaluateStmt
    | SEARCH target=ident ON dataset=ident block                               # searchStmt
    | PRUNE target=ident (ON dataset=ident)? block                             # pruneStmt
    | DISTILL teacher=ident ARROW student=ident ON dataset=ident block          # distillStmt
    | SAVE target=ident TO file=STRING                                         # saveStmt
    | LOAD name=ident FROM file=STRING                                         # loadStmt
    | REPORT block?                                                            # reportStmt
    ;

declKind : LOSS | OPTIMIZER | REGULARIZER | SCHEDULE ;

splitPart : name=ident COLON fraction=value ;

// `{ key: value  key: value }`; entries may be separated by commas or just whitespace.
// A bare component call (a layer in a network) is an entry without a key.
block : LBRACE (entries+=entry COMMA?)* RBRACE ;

entry
    : key=path COLON value      # keyedEntry
    | call                    # callEntry
    | SPACE block             # spaceEntry
    ;

value
    : MINUS? NUMBER             # numberValue
    | STRING                  # stringValue
    | (TRUE | FALSE)          # boolValue
    | call                    # callValue
    | path                    # pathValue
    | LBRACK (items+=value (COMMA items+=value)* COMMA?)? RBRACK  # listValue
    | block                   # blockValue
    ;

call : name=ident LPAREN (args+=arg (COMMA args+=arg)* COMMA?)? RPAREN ;

arg : (name=ident COLON)? value ;

// A dotted reference, optionally indexed: `opt.lr`, `student.dense[0].units`.
path : segments+=pathSegment (DOT segments+=pathSegment)* ;

pathSegment : ident (LBRACK index=NUMBER RBRACK)? ;

// Keywords are reserved at the start of a statement only; inside blocks and calls they are
// ordinary names (`loss: ce`, `optimizer: adam(...)`).
ident
    : ID | DATA | SPLIT | PREPROCESS | FIT | MODEL | NETWORK | LOSS | OPTIMIZER | REGULARIZER
    | SCHEDULE | TRAIN | ON | EVALUATE | SEARCH | PRUNE | DISTILL | SAVE | TO | LOAD | FROM
    | REPORT | SPACE
    ;

DATA        : 'data' ;
SPLIT       : 'split' ;
PREPROCESS  : 'preprocess' ;
FIT         : 'fit' ;
MODEL       : 'model' ;
NETWORK     : 'network' ;
LOSS        : 'loss' ;
OPTIMIZER   : 'optimizer' ;
REGULARIZER : 'regularizer' ;
SCHEDULE    : 'schedule' ;
TRAIN       : 'train' ;
ON          : 'on' ;
EVALUATE    : 'evaluate' ;
SEARCH      : 'search' ;
PRUNE       : 'prune' ;
DISTILL     : 'distill' ;
SAVE        : 'save' ;
TO          : 'to' ;
LOAD        : 'load' ;
FROM        : 'from' ;
REPORT      : 'report' ;
SPACE       : 'space' ;
TRUE        : 'true' ;
FALSE       : 'false' ;

ARROW       : '->' ;
EQ          : '=' ;
COMMA       : ',' ;
COLON       : ':' ;
LBRACE      : '{' ;
RBRACE      : '}' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
DOT         : '.' ;
MINUS       : '-' ;

NUMBER  : DIGITS ('.' DIGITS?)? EXPONENT? | '.' DIGITS EXPONENT? ;
fragment DIGITS   : [0-9] ([0-9_]* [0-9])? ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

STRING  : '"' (ESC | ~["\\\r\n])* '"' ;
// A string missing its closing quote on the same line; the parser reports it.
UNTERMINATED_STRING : '"' (ESC | ~["\\\r\n])* ;
fragment ESC : '\\' ["\\/bfnrt] | '\\u' HEX HEX HEX HEX ;
fragment HEX : [0-9a-fA-F] ;

ID      : [a-zA-Z_] [a-zA-Z0-9_]* ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n\f]+ -> channel(HIDDEN) ;

// Any other character becomes a token of its own so the parser reports it with a position.
ERROR_CHAR : . ;
