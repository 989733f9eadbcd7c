# Small pieces every front end shows: counts, story time, remarks in parentheses. Keys start with format-.

## A post's engagement; { $count } comes written already (12.0k, 1.2M)

format-views = views { $count }
format-shares = shares { $count }
format-comments = comments { $count }
format-likes = likes { $count }

# Story time on a later day: { $day } from 2, { $time } such as 08:30
format-later-day = day { $day } { $time }
# A remark in parentheses after a name, with a space before it
format-paren = {" "}({ $remark })
