//! The condition language: `trust >= 60 && !deleted_posts`, `visited(hot_search)`, `role(secretary)`.
//! Conditions are parsed once at load time into a typed tree (never executed as code); every
//! error carries the character range inside the condition string.

use crate::i18n::Message;
use crate::msg;
use serde::de::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};

/// Longest condition accepted, in characters.
pub const MAX_LEN: usize = 1000;
/// Deepest nesting of parentheses and operators accepted.
pub const MAX_DEPTH: usize = 32;
/// Names the engine provides: story minutes and hours since the start.
pub const BUILTINS: [&str; 2] = ["minutes", "hours"];

/// Character range `start..end` inside the condition string.
pub type CharRange = (usize, usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// The functions a condition may call; each takes one id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// `visited(scene)`: the scene has been entered in this run.
    Visited,
    /// `chose(choice)`: the choice has been taken in this run.
    Chose,
    /// `role(role)`: the trainee plays this role.
    Role,
}

impl Func {
    pub fn name(self) -> &'static str {
        match self {
            Func::Visited => "visited",
            Func::Chose => "chose",
            Func::Role => "role",
        }
    }

    fn from_name(s: &str) -> Option<Func> {
        match s {
            "visited" => Some(Func::Visited),
            "chose" => Some(Func::Chose),
            "role" => Some(Func::Role),
            _ => None,
        }
    }
}

/// A parsed condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Int(i64),
    Bool(bool),
    /// A meter, a flag or a built-in, by name.
    Var(String, CharRange),
    Call(Func, String, CharRange),
    Not(Box<Expr>, CharRange),
    Neg(Box<Expr>, CharRange),
    Binary(BinOp, Box<Expr>, Box<Expr>, CharRange),
}

/// The two kinds of value a condition handles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Number,
    YesNo,
}

impl Ty {
    fn name(self) -> Message {
        match self {
            Ty::Number => msg!("diag-type-number"),
            Ty::YesNo => msg!("diag-type-yes-no"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Bool(bool),
}

/// A problem inside a condition string.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub range: CharRange,
    pub message: Message,
    pub help: Option<Message>,
    /// Type errors are reported under their own code.
    pub is_type_error: bool,
}

impl ExprError {
    fn new(range: CharRange, message: Message) -> Self {
        ExprError { range, message, help: None, is_type_error: false }
    }

    fn help(mut self, help: Message) -> Self {
        self.help = Some(help);
        self
    }
}

/// A condition as written in the file together with what it parsed to.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    pub source: String,
    pub parsed: Result<Expr, ExprError>,
}

impl Condition {
    pub fn new(source: &str) -> Self {
        Condition { source: source.to_string(), parsed: parse(source) }
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Ok(Condition::new(&source))
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

// ---------------------------------------------------------------- lexer

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Int(i64),
    Ident(String),
    Op(&'static str),
    LParen,
    RParen,
    End,
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Full-width punctuation typed with a Chinese input method, and its ASCII twin.
pub fn fullwidth_twin(c: char) -> Option<char> {
    Some(match c {
        '（' => '(',
        '）' => ')',
        '！' => '!',
        '＝' => '=',
        '＜' => '<',
        '＞' => '>',
        '＆' => '&',
        '｜' => '|',
        '＋' => '+',
        '－' => '-',
        '＊' => '*',
        '／' => '/',
        '，' => ',',
        '：' => ':',
        '“' | '”' => '"',
        '［' => '[',
        '］' => ']',
        '｛' => '{',
        '｝' => '}',
        '　' => ' ',
        '０'..='９' => char::from_u32('0' as u32 + (c as u32 - '０' as u32))?,
        _ => return None,
    })
}

impl Lexer {
    fn next(&mut self) -> Result<(Tok, CharRange), ExprError> {
        while self.pos < self.chars.len() && self.chars[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        let start = self.pos;
        let Some(&c) = self.chars.get(self.pos) else {
            return Ok((Tok::End, (start, start)));
        };
        let peek = self.chars.get(self.pos + 1).copied();
        let two = |op: &'static str| (Tok::Op(op), (start, start + 2));
        let one = |op: &'static str| (Tok::Op(op), (start, start + 1));
        let tok = match (c, peek) {
            ('&', Some('&')) => two("&&"),
            ('|', Some('|')) => two("||"),
            ('=', Some('=')) => two("=="),
            ('!', Some('=')) => two("!="),
            ('<', Some('=')) => two("<="),
            ('>', Some('=')) => two(">="),
            ('<', _) => one("<"),
            ('>', _) => one(">"),
            ('!', _) => one("!"),
            ('+', _) => one("+"),
            ('-', _) => one("-"),
            ('*', _) => one("*"),
            ('/', _) => one("/"),
            ('(', _) => (Tok::LParen, (start, start + 1)),
            (')', _) => (Tok::RParen, (start, start + 1)),
            ('=', _) => {
                return Err(
                    ExprError::new((start, start + 1), msg!("diag-single-does-not-compare")).help(msg!("diag-write-to-test-equality"))
                );
            }
            ('&', _) | ('|', _) => {
                let doubled = if c == '&' { "&&" } else { "||" };
                return Err(ExprError::new((start, start + 1), msg!("diag-must-be-doubled", char = c))
                    .help(msg!("diag-write-doubled", op = doubled)));
            }
            (d, _) if d.is_ascii_digit() => {
                let mut end = start;
                while end < self.chars.len() && self.chars[end].is_ascii_digit() {
                    end += 1;
                }
                let digits: String = self.chars[start..end].iter().collect();
                let value =
                    digits.parse::<i64>().map_err(|_| ExprError::new((start, end), msg!("diag-number-is-too-large", digits = digits)))?;
                self.pos = end;
                return Ok((Tok::Int(value), (start, end)));
            }
            (c, _) if is_ident_start(c) => {
                let mut end = start;
                while end < self.chars.len() && is_ident_char(self.chars[end]) {
                    end += 1;
                }
                let word: String = self.chars[start..end].iter().collect();
                self.pos = end;
                let tok = match word.as_str() {
                    "and" => Tok::Op("&&"),
                    "or" => Tok::Op("||"),
                    "not" => Tok::Op("!"),
                    _ => Tok::Ident(word),
                };
                return Ok((tok, (start, end)));
            }
            (c, _) => {
                let err = ExprError::new((start, start + 1), msg!("diag-unexpected-character-in-condition", char = c));
                return Err(match fullwidth_twin(c) {
                    Some(ascii) => err.help(msg!("diag-this-is-full-width-character-type", ascii = ascii)),
                    None => err.help(msg!("diag-conditions-may-use-numbers-meter-and")),
                });
            }
        };
        self.pos = tok.1.1;
        Ok(tok)
    }
}

// ---------------------------------------------------------------- parser

struct Parser {
    lexer: Lexer,
    tok: Tok,
    range: CharRange,
    depth: usize,
}

/// Parses a condition string into a tree, or the first problem in it.
pub fn parse(source: &str) -> Result<Expr, ExprError> {
    let chars: Vec<char> = source.chars().collect();
    if chars.len() > MAX_LEN {
        return Err(ExprError::new(
            (0, chars.len()),
            msg!("diag-condition-too-long-characters-at-most", chars = chars.len(), max_len = MAX_LEN),
        )
        .help(msg!("diag-split-it-into-flags-or-meters")));
    }
    let mut lexer = Lexer { chars, pos: 0 };
    let (tok, range) = lexer.next()?;
    if tok == Tok::End {
        return Err(ExprError::new((0, source.chars().count()), msg!("diag-condition-is-empty"))
            .help(msg!("diag-if-no-condition-is-needed-remove")));
    }
    let mut p = Parser { lexer, tok, range, depth: 0 };
    let expr = p.or()?;
    if p.tok != Tok::End {
        let what = p.describe();
        return Err(ExprError::new(p.range, msg!("diag-unexpected", what = what)).help(msg!("diag-join-two-conditions-with-or")));
    }
    Ok(expr)
}

impl Parser {
    fn advance(&mut self) -> Result<(), ExprError> {
        let (tok, range) = self.lexer.next()?;
        self.tok = tok;
        self.range = range;
        Ok(())
    }

    fn describe(&self) -> Message {
        match &self.tok {
            Tok::Int(n) => msg!("diag-token-number", number = n),
            Tok::Ident(s) => msg!("diag-token-name", suggestion = s),
            Tok::Op(o) => msg!("diag-token-operator", operator = o),
            Tok::LParen => msg!("diag-token-open-paren"),
            Tok::RParen => msg!("diag-token-close-paren"),
            Tok::End => msg!("diag-token-end"),
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::new(self.range, msg!("diag-condition-nested-too-deeply-at-most", max_depth = MAX_DEPTH)));
        }
        Ok(())
    }

    fn binary(&mut self, ops: &[(&str, BinOp)], next: fn(&mut Self) -> Result<Expr, ExprError>) -> Result<Expr, ExprError> {
        let mut left = next(self)?;
        while let Tok::Op(o) = self.tok {
            let Some(&(_, op)) = ops.iter().find(|(s, _)| *s == o) else {
                break;
            };
            self.advance()?;
            let right = next(self)?;
            let range = (span_of(&left).0, span_of(&right).1);
            left = Expr::Binary(op, Box::new(left), Box::new(right), range);
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        self.binary(&[("||", BinOp::Or)], Self::and)
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        self.binary(&[("&&", BinOp::And)], Self::comparison)
    }

    fn comparison(&mut self) -> Result<Expr, ExprError> {
        let left = self.sum()?;
        let op = match self.tok {
            Tok::Op("==") => BinOp::Eq,
            Tok::Op("!=") => BinOp::Ne,
            Tok::Op("<") => BinOp::Lt,
            Tok::Op("<=") => BinOp::Le,
            Tok::Op(">") => BinOp::Gt,
            Tok::Op(">=") => BinOp::Ge,
            _ => return Ok(left),
        };
        self.advance()?;
        let right = self.sum()?;
        if let Tok::Op(o @ ("==" | "!=" | "<" | "<=" | ">" | ">=")) = self.tok {
            return Err(ExprError::new(self.range, msg!("diag-comparisons-cannot-be-chained", operator = o)).help(msg!("diag-write-b-b-c")));
        }
        let range = (span_of(&left).0, span_of(&right).1);
        Ok(Expr::Binary(op, Box::new(left), Box::new(right), range))
    }

    fn sum(&mut self) -> Result<Expr, ExprError> {
        self.binary(&[("+", BinOp::Add), ("-", BinOp::Sub)], Self::product)
    }

    fn product(&mut self) -> Result<Expr, ExprError> {
        self.binary(&[("*", BinOp::Mul), ("/", BinOp::Div)], Self::unary)
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        self.enter()?;
        let start = self.range.0;
        let expr = match self.tok {
            Tok::Op("!") => {
                self.advance()?;
                let inner = self.unary()?;
                let range = (start, span_of(&inner).1);
                Expr::Not(Box::new(inner), range)
            }
            Tok::Op("-") => {
                self.advance()?;
                let inner = self.unary()?;
                let range = (start, span_of(&inner).1);
                Expr::Neg(Box::new(inner), range)
            }
            _ => self.atom()?,
        };
        self.depth -= 1;
        Ok(expr)
    }

    fn atom(&mut self) -> Result<Expr, ExprError> {
        let range = self.range;
        match std::mem::replace(&mut self.tok, Tok::End) {
            Tok::Int(n) => {
                self.advance()?;
                Ok(Expr::Int(n))
            }
            Tok::Ident(name) => {
                self.advance()?;
                match name.as_str() {
                    "true" => return Ok(Expr::Bool(true)),
                    "false" => return Ok(Expr::Bool(false)),
                    _ => {}
                }
                if self.tok == Tok::LParen {
                    let Some(func) = Func::from_name(&name) else {
                        return Err(ExprError::new(range, msg!("diag-there-is-no-function", name = name))
                            .help(msg!("diag-functions-visited-scene-chose-choice-role")));
                    };
                    return self.call(func, range);
                }
                Ok(Expr::Var(name, range))
            }
            Tok::LParen => {
                self.advance()?;
                let inner = self.or()?;
                if self.tok != Tok::RParen {
                    let what = self.describe();
                    return Err(ExprError::new(self.range, msg!("diag-expected-but-found", what = what))
                        .help(msg!("diag-to-close-at-character", at = range.0 + 1)));
                }
                self.advance()?;
                Ok(inner)
            }
            other => {
                self.tok = other;
                let what = self.describe();
                Err(ExprError::new(self.range, msg!("diag-expected-number-name-or-but-found", what = what)))
            }
        }
    }

    /// Reads `(id)` after a function name. The id is taken as raw text so that scene and
    /// choice ids with hyphens work.
    fn call(&mut self, func: Func, name_range: CharRange) -> Result<Expr, ExprError> {
        let chars = &self.lexer.chars;
        let open = self.range.1;
        let Some(close) = (open..chars.len()).find(|&i| chars[i] == ')') else {
            return Err(ExprError::new((name_range.0, chars.len()), msg!("diag-is-missing-its", func = func.name())));
        };
        let raw: String = chars[open..close].iter().collect();
        let lead = raw.len() - raw.trim_start().len();
        let arg = raw.trim().to_string();
        let arg_start = open + raw[..lead].chars().count();
        let arg_range = (arg_start, arg_start + arg.chars().count());
        if arg.is_empty() || arg.contains(|c: char| c.is_whitespace() || c == ',' || c == '(') {
            return Err(ExprError::new((open, close), msg!("diag-takes-exactly-one-id", func = func.name()))
                .help(msg!("diag-for-example-hot-search", func = func.name())));
        }
        self.lexer.pos = close + 1;
        self.advance()?;
        Ok(Expr::Call(func, arg, arg_range))
    }
}

/// The character range an expression covers (literals report an empty range: they never carry errors).
pub fn span_of(e: &Expr) -> CharRange {
    match e {
        Expr::Int(_) | Expr::Bool(_) => (0, 0),
        Expr::Var(_, r) | Expr::Call(_, _, r) | Expr::Not(_, r) | Expr::Neg(_, r) | Expr::Binary(_, _, _, r) => *r,
    }
}

// ---------------------------------------------------------------- checking

/// What a name in a condition refers to, as the validator knows the scenario.
pub trait Names {
    /// The type of a variable name, or `None` if the scenario has no such meter, flag or built-in.
    fn var(&self, name: &str) -> Option<Ty>;
    /// Whether the id exists for the function's kind (scene, choice, role).
    fn exists(&self, func: Func, id: &str) -> bool;
    /// Close matches for an unknown name, for "did you mean".
    fn suggest(&self, func: Option<Func>, name: &str) -> Option<String>;
}

/// Checks names and types; returns every problem found. A condition must be yes/no overall.
pub fn check(expr: &Expr, names: &dyn Names) -> Vec<ExprError> {
    let mut errors = Vec::new();
    if let Some(ty) = type_of(expr, names, &mut errors)
        && ty != Ty::YesNo
    {
        errors.push(type_error(span_of(expr), Ty::YesNo, ty).help(msg!("diag-condition-must-be-yes-or-no")));
    }
    errors
}

fn type_error(range: CharRange, want: Ty, got: Ty) -> ExprError {
    let (w, g) = (want.name(), got.name());
    ExprError { is_type_error: true, ..ExprError::new(range, msg!("diag-expected-here-found", want = w, got = g)) }
}

fn type_of(expr: &Expr, names: &dyn Names, errors: &mut Vec<ExprError>) -> Option<Ty> {
    let expect = |e: &Expr, want: Ty, errors: &mut Vec<ExprError>| {
        if let Some(got) = type_of(e, names, errors)
            && got != want
        {
            errors.push(type_error(span_of(e), want, got));
        }
    };
    match expr {
        Expr::Int(_) => Some(Ty::Number),
        Expr::Bool(_) => Some(Ty::YesNo),
        Expr::Var(name, range) => {
            let ty = names.var(name);
            if ty.is_none() {
                let err = ExprError::new(*range, msg!("diag-no-meter-or-flag-is-called", name = name));
                errors.push(match names.suggest(None, name) {
                    Some(s) => err.help(msg!("diag-did-you-mean", suggestion = s)),
                    None => err.help(msg!("diag-declare-it-under-meters-or-flags")),
                });
            }
            ty
        }
        Expr::Call(func, id, range) => {
            if !names.exists(*func, id) {
                let kind = match func {
                    Func::Visited => msg!("diag-kind-scene"),
                    Func::Chose => msg!("diag-kind-choice"),
                    Func::Role => msg!("diag-kind-role"),
                };
                let err = ExprError::new(*range, msg!("diag-there-is-no-with-id", id = id, kind = kind));
                errors.push(match names.suggest(Some(*func), id) {
                    Some(s) => err.help(msg!("diag-did-you-mean", suggestion = s)),
                    None => err,
                });
            }
            Some(Ty::YesNo)
        }
        Expr::Not(inner, _) => {
            expect(inner, Ty::YesNo, errors);
            Some(Ty::YesNo)
        }
        Expr::Neg(inner, _) => {
            expect(inner, Ty::Number, errors);
            Some(Ty::Number)
        }
        Expr::Binary(op, l, r, _) => match op {
            BinOp::Or | BinOp::And => {
                expect(l, Ty::YesNo, errors);
                expect(r, Ty::YesNo, errors);
                Some(Ty::YesNo)
            }
            BinOp::Eq | BinOp::Ne => {
                let lt = type_of(l, names, errors);
                let rt = type_of(r, names, errors);
                if let (Some(a), Some(b)) = (lt, rt)
                    && a != b
                {
                    errors.push(type_error(span_of(r), a, b));
                }
                Some(Ty::YesNo)
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                expect(l, Ty::Number, errors);
                expect(r, Ty::Number, errors);
                Some(Ty::YesNo)
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                expect(l, Ty::Number, errors);
                expect(r, Ty::Number, errors);
                Some(Ty::Number)
            }
        },
    }
}

// ---------------------------------------------------------------- evaluation

/// What a running session answers when a condition asks.
pub trait Env {
    fn var(&self, name: &str) -> Option<Value>;
    fn call(&self, func: Func, id: &str) -> bool;
}

/// Why a checked condition could not be evaluated: arithmetic that overflowed or divided by zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvalError(pub String);

impl Expr {
    /// Evaluates with checked arithmetic. Validated conditions only fail on overflow or division by zero.
    pub fn eval(&self, env: &dyn Env) -> Result<Value, EvalError> {
        let int = |e: &Expr| match e.eval(env)? {
            Value::Int(n) => Ok(n),
            Value::Bool(_) => Err(EvalError("expected a number".into())),
        };
        let boolean = |e: &Expr| match e.eval(env)? {
            Value::Bool(b) => Ok(b),
            Value::Int(_) => Err(EvalError("expected yes/no".into())),
        };
        let overflow = || EvalError("arithmetic overflow".into());
        Ok(match self {
            Expr::Int(n) => Value::Int(*n),
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Var(name, _) => env.var(name).ok_or_else(|| EvalError(format!("unknown name '{name}'")))?,
            Expr::Call(f, id, _) => Value::Bool(env.call(*f, id)),
            Expr::Not(e, _) => Value::Bool(!boolean(e)?),
            Expr::Neg(e, _) => Value::Int(int(e)?.checked_neg().ok_or_else(overflow)?),
            Expr::Binary(op, l, r, _) => match op {
                BinOp::Or => Value::Bool(boolean(l)? || boolean(r)?),
                BinOp::And => Value::Bool(boolean(l)? && boolean(r)?),
                BinOp::Eq | BinOp::Ne => {
                    let same = l.eval(env)? == r.eval(env)?;
                    Value::Bool(if *op == BinOp::Eq { same } else { !same })
                }
                BinOp::Lt => Value::Bool(int(l)? < int(r)?),
                BinOp::Le => Value::Bool(int(l)? <= int(r)?),
                BinOp::Gt => Value::Bool(int(l)? > int(r)?),
                BinOp::Ge => Value::Bool(int(l)? >= int(r)?),
                BinOp::Add => Value::Int(int(l)?.checked_add(int(r)?).ok_or_else(overflow)?),
                BinOp::Sub => Value::Int(int(l)?.checked_sub(int(r)?).ok_or_else(overflow)?),
                BinOp::Mul => Value::Int(int(l)?.checked_mul(int(r)?).ok_or_else(overflow)?),
                BinOp::Div => {
                    let d = int(r)?;
                    if d == 0 {
                        return Err(EvalError("division by zero".into()));
                    }
                    Value::Int(int(l)?.checked_div(d).ok_or_else(overflow)?)
                }
            },
        })
    }

    /// Every variable name and function call in the tree, for usage analysis.
    pub fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Not(e, _) | Expr::Neg(e, _) => e.visit(f),
            Expr::Binary(_, l, r, _) => {
                l.visit(f);
                r.visit(f);
            }
            _ => {}
        }
    }

    /// Renders the tree back to source form, fully parenthesised (used by tests and tools).
    pub fn to_source(&self) -> String {
        match self {
            Expr::Int(n) => n.to_string(),
            Expr::Bool(b) => b.to_string(),
            Expr::Var(n, _) => n.clone(),
            Expr::Call(f, id, _) => format!("{}({id})", f.name()),
            Expr::Not(e, _) => format!("!{}", e.to_source()),
            Expr::Neg(e, _) => format!("-{}", e.to_source()),
            Expr::Binary(op, l, r, _) => {
                format!("({} {} {})", l.to_source(), op.symbol(), r.to_source())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct TestNames;
    impl Names for TestNames {
        fn var(&self, name: &str) -> Option<Ty> {
            match name {
                "trust" | "heat" | "信任度" => Some(Ty::Number),
                "deleted_posts" => Some(Ty::YesNo),
                _ => None,
            }
        }
        fn exists(&self, func: Func, id: &str) -> bool {
            matches!((func, id), (Func::Visited, "s1") | (Func::Role, "deputy"))
        }
        fn suggest(&self, _: Option<Func>, name: &str) -> Option<String> {
            (name == "trst").then(|| "trust".to_string())
        }
    }

    struct TestEnv(HashMap<&'static str, Value>);
    impl Env for TestEnv {
        fn var(&self, name: &str) -> Option<Value> {
            self.0.get(name).copied()
        }
        fn call(&self, func: Func, id: &str) -> bool {
            func == Func::Visited && id == "s1"
        }
    }

    fn env() -> TestEnv {
        TestEnv(HashMap::from([("trust", Value::Int(70)), ("heat", Value::Int(85)), ("deleted_posts", Value::Bool(false))]))
    }

    #[test]
    fn precedence_is_the_usual_one() {
        let e = parse("trust >= 60 && !deleted_posts || heat > 90").unwrap();
        assert_eq!(e.to_source(), "(((trust >= 60) && !deleted_posts) || (heat > 90))");
        let e = parse("1 + 2 * 3 - -4 >= 0").unwrap();
        assert_eq!(e.to_source(), "(((1 + (2 * 3)) - -4) >= 0)");
        let e = parse("trust > 1 and not deleted_posts or visited(s1)").unwrap();
        assert_eq!(e.to_source(), "(((trust > 1) && !deleted_posts) || visited(s1))");
    }

    #[test]
    fn evaluates_with_an_environment() {
        let e = parse("trust >= 60 && !deleted_posts && visited(s1)").unwrap();
        assert_eq!(e.eval(&env()), Ok(Value::Bool(true)));
        let e = parse("heat - trust * 2 < 0").unwrap();
        assert_eq!(e.eval(&env()), Ok(Value::Bool(true)));
    }

    #[test]
    fn arithmetic_never_panics() {
        let e = parse("trust / (heat - 85) > 0").unwrap();
        assert!(e.eval(&env()).is_err(), "division by zero is an error, not a panic");
        let e = parse("9223372036854775807 + trust > 0").unwrap();
        assert!(e.eval(&env()).is_err(), "overflow is an error, not a wrap");
    }

    #[test]
    fn errors_point_inside_the_string() {
        let err = parse("trust >= 60 & !deleted").unwrap_err();
        assert_eq!(err.range, (12, 13));
        let err = parse("trust = 60").unwrap_err();
        assert_eq!(err.range, (6, 7));
        let err = parse("(trust > 1").unwrap_err();
        assert_eq!(err.range, (10, 10));
        let err = parse("trust ＞ 60").unwrap_err();
        assert_eq!(err.range, (6, 7));
        assert!(err.help.unwrap().render(crate::lang::Lang::EN).contains("'>'"));
        let err = parse("1 < 2 < 3").unwrap_err();
        assert_eq!(err.range, (6, 7));
        assert!(parse("").is_err());
        assert!(parse("   ").is_err());
    }

    #[test]
    fn checks_names_and_types() {
        let e = parse("trst >= 60 && deleted_posts + 1 > 0 && visited(s2)").unwrap();
        let errs = check(&e, &TestNames);
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert_eq!(errs[0].range, (0, 4));
        assert!(errs[0].help.as_ref().unwrap().render(crate::lang::Lang::EN).contains("trust"));
        assert!(errs[1].is_type_error);
        assert_eq!(errs[1].range, (14, 27));
        assert_eq!(errs[2].range, (47, 49));
        let e = parse("trust + 1").unwrap();
        assert!(check(&e, &TestNames)[0].is_type_error, "a condition must be yes/no");
        let e = parse("信任度 >= 60 && role(deputy)").unwrap();
        assert!(check(&e, &TestNames).is_empty());
    }

    #[test]
    fn deep_nesting_and_length_are_capped() {
        let deep = format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&deep).is_err());
        let bangs = format!("{}true", "!".repeat(10_000));
        assert!(parse(&bangs).is_err());
        let long = "trust > 1 && ".repeat(100) + "true";
        assert!(parse(&long).is_err());
    }

    #[test]
    fn function_ids_may_have_hyphens() {
        let e = parse("visited( s-1 )").unwrap();
        assert_eq!(e, Expr::Call(Func::Visited, "s-1".into(), (9, 12)));
        assert!(parse("visited(a b)").is_err());
        assert!(parse("visited(").is_err());
        assert!(parse("visit(s1)").is_err());
    }
}
